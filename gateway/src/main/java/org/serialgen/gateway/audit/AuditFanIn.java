package org.serialgen.gateway.audit;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.gateway.relay.GatewaySettings;
import org.serialgen.kit.audit.AuditEntry;
import org.serialgen.kit.audit.AuditQuery;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.request.RequestIds;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * One audit trail out of every service's: each is asked for the query's page (their entries share one order, newest
 * first), and the pages are merged. A service that cannot answer fails the whole page with a 503 naming it — a trail
 * with one service's entries silently missing would read as "nothing happened there".
 */
@ApplicationScoped
public class AuditFanIn {

    /** A merged page: how many entries the filters select in all services, the page, and whether more follow. */
    public record Merged(long count, List<AuditEntry> entries, boolean more) {
    }

    private final Map<String, URI> origins = new LinkedHashMap<>();
    private final HttpClient client;
    private final ObjectMapper json;
    private final long timeoutMillis;

    AuditFanIn(GatewaySettings settings, Vertx vertx, ObjectMapper json) {
        settings.upstreams().forEach((service, url) -> origins.put(service, URI.create(url)));
        this.json = json;
        this.timeoutMillis = settings.idleTimeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
            .setConnectTimeout((int) settings.connectTimeout().toMillis())
            .setMaxPoolSize(8)
            .setKeepAlive(true));
    }

    /** The services that keep a trail, by name. */
    public Set<String> services() {
        return origins.keySet();
    }

    public Uni<Merged> page(AuditQuery query, Set<String> services, String authorization, String requestId) {
        List<Uni<AuditEntry.Page>> asked = services.stream()
            .map(service -> ask(service, query, authorization, requestId)).toList();
        return Uni.join().all(asked).andFailFast().map(pages -> merge(pages, query.limit()));
    }

    static Merged merge(List<AuditEntry.Page> pages, int limit) {
        List<AuditEntry> all = new ArrayList<>();
        long count = 0;
        boolean someFull = false;
        for (AuditEntry.Page page : pages) {
            count += page.count();
            all.addAll(page.results());
            someFull |= page.results().size() >= limit;
        }
        all.sort(Comparator.comparing((AuditEntry entry) -> AuditQuery.Cursor.parse(entry.cursor())).reversed());
        boolean more = all.size() > limit || someFull;
        return new Merged(count, all.size() > limit ? List.copyOf(all.subList(0, limit)) : all, more);
    }

    private Uni<AuditEntry.Page> ask(String service, AuditQuery query, String authorization, String requestId) {
        URI origin = origins.get(service);
        RequestOptions options = new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(origin.getHost())
            .setPort(origin.getPort())
            .setSsl("https".equals(origin.getScheme()))
            .setURI("/serial-generation/audit/?" + query.toQueryString())
            .setIdleTimeout(timeoutMillis)
            .putHeader(HttpHeaders.AUTHORIZATION, authorization)
            .putHeader(RequestIds.HEADER, requestId)
            .putHeader(HttpHeaders.ACCEPT, "application/json");
        return Uni.createFrom().completionStage(() -> client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() != 200) {
                        throw new ApiException.Unavailable("AUDIT_UNAVAILABLE", service + " answered "
                            + response.statusCode() + " for its audit trail");
                    }
                    try {
                        return json.readValue(body.getBytes(), AuditEntry.Page.class);
                    } catch (java.io.IOException e) {
                        throw new ApiException.Unavailable("AUDIT_UNAVAILABLE", service + " answered an audit trail "
                            + "that does not read: " + e.getMessage());
                    }
                }))
                .toCompletionStage())
            .onFailure(failure -> !(failure instanceof ApiException)).transform(failure ->
                new ApiException.Unavailable("AUDIT_UNAVAILABLE", service + " cannot be reached for its audit trail ("
                    + failure.getMessage() + ")"));
    }
}
