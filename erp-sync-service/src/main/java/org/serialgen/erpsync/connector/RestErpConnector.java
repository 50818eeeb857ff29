package org.serialgen.erpsync.connector;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.serialgen.erpsync.config.ErpSettings;
import org.serialgen.erpsync.connector.ErpFailure.Kind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;

/**
 * The ERP's REST API ({@code ERP_API_BASE_URL}, {@code Bearer ERP_API_TOKEN}). Each call has a timeout; what may pass
 * on a second try (no connection, no answer in time, 5xx, 429) is tried again with growing waits; after repeated
 * failures a circuit breaker refuses calls at once for a while, so that an ERP that is down costs a run one quick
 * failure. Every answer is read here: a page that is not a page is {@code malformed_page}.
 */
public class RestErpConnector implements ErpConnector {

    private final ErpApi api;
    private final String authorization;
    private final ObjectMapper json;
    private final TypedGuard<Uni<Response>> guard;
    private final java.time.Duration timeout;

    RestErpConnector(ErpSettings settings, ObjectMapper json) {
        this.json = json;
        this.authorization = "Bearer " + settings.token().orElse("");
        this.api = QuarkusRestClientBuilder.newBuilder()
            .baseUri(URI.create(settings.baseUrl().orElseThrow()))
            .connectTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
            .property("microprofile.rest.client.disable.default.mapper", true)
            .build(ErpApi.class);
        this.timeout = settings.timeout();
        this.guard = TypedGuard.create(new TypeLiteral<Uni<Response>>() { })
            .withDescription("the ERP at " + settings.baseUrl().orElseThrow())
            .withRetry().maxRetries(settings.retries()).delay(settings.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .whenException(failure -> !(failure instanceof CircuitBreakerOpenException)
                    && classify(failure).kind().mayPassOnRetry())
                .withExponentialBackoff().factor(2).maxDelay(10, ChronoUnit.SECONDS).done().done()
            .withCircuitBreaker().requestVolumeThreshold(6).failureRatio(0.5)
                .delay(settings.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                .when(failure -> classify(failure).kind() != Kind.UNAUTHORIZED).done()
            .build();
    }

    @Override
    public Uni<ErpPage> changedSince(Instant since, String pageToken, int limit) {
        return call(() -> api.changed(authorization, since == null ? null : since.toString(), pageToken, limit))
            .map(response -> page(body(response, 200)));
    }

    @Override
    public Uni<Optional<JsonNode>> workOrder(String woId) {
        return call(() -> api.workOrder(authorization, woId)).map(response -> response.getStatus() == 404
            ? Optional.<JsonNode>empty() : Optional.of(object(body(response, 200), "a work order")));
    }

    @Override
    public Uni<Void> confirm(String woId, JsonNode confirmation) {
        return call(() -> api.confirm(authorization, woId, confirmation.toString())).invoke(response -> {
            if (response.getStatus() / 100 != 2) {
                throw new ErpFailure(Kind.SERVER_ERROR, "answered HTTP " + response.getStatus());
            }
        }).replaceWithVoid();
    }

    @Override
    public Uni<Void> health() {
        return call(() -> api.health(authorization)).invoke(response -> body(response, 200)).replaceWithVoid();
    }

    /**
     * The call under the guard. Each attempt has its own timeout, and a status that fails the call (401, 5xx, 429)
     * fails the attempt, so that the guard retries it; where the breaker opened during the retries, the failure that
     * opened it is the one reported: it says why.
     */
    private Uni<Response> call(Supplier<Uni<Response>> request) {
        return Uni.createFrom().deferred(() -> {
            // the answer arrives on the HTTP client's context: it is handed back on the caller's, where its session is
            io.vertx.core.Context caller = io.vertx.core.Vertx.currentContext();
            Uni<Response> answer = guarded(request);
            return caller == null ? answer : answer.emitOn(command -> caller.runOnContext(ignored -> command.run()));
        });
    }

    private Uni<Response> guarded(Supplier<Uni<Response>> request) {
        java.util.concurrent.atomic.AtomicReference<ErpFailure> seen = new java.util.concurrent.atomic.AtomicReference<>();
        return guard.get(() -> request.get()
                .ifNoItem().after(timeout).failWith(() -> new ErpFailure(Kind.TIMEOUT, "the ERP did not answer in time"))
                .invoke(RestErpConnector::failOnStatus)
                .onFailure().invoke(failure -> seen.set(classify(failure))))
            .onFailure().transform(failure -> failure instanceof CircuitBreakerOpenException && seen.get() != null
                ? new ErpFailure(seen.get().kind(), seen.get().getMessage() + "; calls are refused for a while now")
                : classify(failure));
    }

    private static void failOnStatus(Response response) {
        int status = response.getStatus();
        if (status == 401 || status == 403) {
            throw new ErpFailure(Kind.UNAUTHORIZED, "the ERP refused the token (HTTP " + status + ")");
        }
        if (status >= 500 || status == 429) {
            throw new ErpFailure(Kind.SERVER_ERROR, "the ERP answered HTTP " + status);
        }
    }

    private String body(Response response, int expected) {
        if (response.getStatus() != expected) {
            throw new ErpFailure(Kind.SERVER_ERROR, "the ERP answered HTTP " + response.getStatus());
        }
        return response.hasEntity() ? response.readEntity(String.class) : "";
    }

    private JsonNode object(String text, String what) {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw new ErpFailure(Kind.MALFORMED_PAGE, "the ERP's answer is not " + what + " (a JSON object)");
            }
            return node;
        } catch (IOException e) {
            throw new ErpFailure(Kind.MALFORMED_PAGE, "the ERP's answer is not JSON: " + e.getMessage());
        }
    }

    /** {"items": [ {…}, … ], "next_page_token": "…" | null}, or {@code malformed_page}. */
    ErpPage page(String text) {
        JsonNode page = object(text, "a page of work orders");
        JsonNode items = page.get("items");
        JsonNode next = page.get("next_page_token");
        if (items == null || !items.isArray()) {
            throw new ErpFailure(Kind.MALFORMED_PAGE, "the page has no items array");
        }
        if (next != null && !next.isNull() && !(next.isTextual() && !next.asText().isBlank())) {
            throw new ErpFailure(Kind.MALFORMED_PAGE, "next_page_token is neither a token nor null");
        }
        List<JsonNode> records = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            if (!item.isObject()) {
                throw new ErpFailure(Kind.MALFORMED_PAGE, "an item of the page is not an object");
            }
            records.add(item);
        }
        return new ErpPage(records, next == null || next.isNull() ? null : next.asText());
    }

    static ErpFailure classify(Throwable failure) {
        if (failure instanceof ErpFailure erp) {
            return erp;
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return new ErpFailure(Kind.UNREACHABLE, "the ERP failed repeatedly: calls are refused for a while");
        }
        if (failure instanceof TimeoutException || failure instanceof java.util.concurrent.TimeoutException) {
            return new ErpFailure(Kind.TIMEOUT, "the ERP did not answer in time");
        }
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof ConnectException || cause instanceof UnknownHostException
            || failure instanceof ProcessingException) {
            String why = String.valueOf(cause.getMessage());
            return why.toLowerCase().contains("timeout") || why.toLowerCase().contains("timed out")
                ? new ErpFailure(Kind.TIMEOUT, "the ERP did not answer in time")
                : new ErpFailure(Kind.UNREACHABLE, "the ERP cannot be reached: " + why);
        }
        return new ErpFailure(Kind.SERVER_ERROR, failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
}
