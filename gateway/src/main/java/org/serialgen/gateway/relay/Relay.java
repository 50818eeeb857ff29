package org.serialgen.gateway.relay;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.serialgen.kit.errors.ErrorBody;
import org.serialgen.kit.request.RequestIds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Relays the public API to the services by the {@link PublicApi} table: the caller's token and role are checked
 * first (a refused call never reaches a service), then the request goes to the service that owns the operation with
 * its headers, and both bodies stream through untouched — a million-serial report or a 15 MB recipe import passes
 * chunk by chunk, as the service wrote it. What the gateway adds: the request id, and X-Forwarded-Host/-Proto/-Prefix
 * so that links a service builds point back at the gateway. A service that cannot be reached (or whose breaker is
 * open after repeated failures) is a 503 with the spec's error body; one that stays silent beyond the route's
 * timeout, a 504; one that fails mid-stream ends the response there, so the caller sees a truncated body, never a
 * complete-looking one.
 */
@ApplicationScoped
public class Relay {

    private static final Logger LOG = Logger.getLogger(Relay.class);
    /** Headers of one connection, not of the message (RFC 9110 §7.6.1); Host is the gateway's own. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
        "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");
    /** Where a service answers what the gateway answers under {@link PublicApi#PREFIX}. */
    static final String SERVICE_PREFIX = "/serial-generation/";
    static final String PUBLIC_PREFIX = "/api/v1";

    private final Callers callers;
    private final GatewaySettings settings;
    private final ObjectMapper json;
    private final Map<Upstream, URI> origins = new EnumMap<>(Upstream.class);
    private final Map<Upstream, TypedGuard<CompletionStage<HttpClientRequest>>> guards = new EnumMap<>(Upstream.class);
    private final HttpClient client;

    Relay(Callers callers, GatewaySettings settings, ObjectMapper json, Vertx vertx) {
        this.callers = callers;
        this.settings = settings;
        this.json = json;
        for (Upstream upstream : Upstream.values()) {
            String url = settings.upstreams().get(upstream.service());
            if (url == null) {
                throw new IllegalStateException("serialgen.gateway.upstreams." + upstream.service() + " is not set");
            }
            origins.put(upstream, URI.create(url));
            guards.put(upstream, guard(upstream));
        }
        this.client = vertx.createHttpClient(new HttpClientOptions()
            .setConnectTimeout((int) settings.connectTimeout().toMillis())
            .setMaxPoolSize(settings.poolSize())
            .setKeepAlive(true)
            .setDecompressionSupported(false));
    }

    /** Before the REST endpoints, after the filters (the request id): the gateway's own paths pass on to them. */
    void register(@Observes Router router) {
        router.route(PublicApi.PREFIX + "*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
        // the unauthenticated endpoints take a few KB, checked before a byte is read (the HTTP layer would buffer
        // up to its own ceiling first)
        router.route(PublicApi.AUTH_PREFIX + "*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(context -> {
            if (!tooLarge(context.request(), PublicApi.SIGN_IN)) {
                context.next();
            }
        });
    }

    void handle(RoutingContext context) {
        HttpServerRequest in = context.request();
        String path = in.path().substring(PublicApi.PREFIX.length());
        Optional<Route> route = PublicApi.find(in.method(), path);
        if (route.isEmpty()) {
            List<HttpMethod> allowed = PublicApi.methodsAt(path);
            if (allowed.isEmpty()) {
                context.next(); // not relayed: one of the gateway's own endpoints, or a 404 from them
                return;
            }
            in.response().putHeader(HttpHeaders.ALLOW, allowed.stream().map(HttpMethod::name)
                .collect(Collectors.joining(", ")));
            refuse(in, 405, new ErrorBody("method_not_allowed", in.method() + " is not allowed here", null, null,
                RequestIds.of(in)));
            return;
        }
        // nothing of the body is read until the service is there to take it
        in.pause();
        Set<String> roles;
        try {
            roles = callers.roles(in);
        } catch (Callers.Unauthenticated e) {
            in.response().putHeader("WWW-Authenticate", "Bearer");
            refuse(in, 401, new ErrorBody("unauthorized", "A valid bearer token is required", null, "UNAUTHORIZED",
                RequestIds.of(in)));
            return;
        }
        if (Collections.disjoint(roles, route.get().roles())) {
            refuse(in, 403, new ErrorBody("forbidden", "Your role does not allow this operation", null, "FORBIDDEN",
                RequestIds.of(in)));
            return;
        }
        if (tooLarge(in, route.get())) {
            return;
        }
        forward(in, route.get());
    }

    private void forward(HttpServerRequest in, Route route) {
        URI origin = origins.get(route.upstream());
        RequestOptions options = new RequestOptions()
            .setMethod(in.method())
            .setHost(origin.getHost())
            .setPort(origin.getPort())
            .setSsl("https".equals(origin.getScheme()))
            .setURI(SERVICE_PREFIX + in.uri().substring(PublicApi.PREFIX.length()))
            .setIdleTimeout((route.timeout() != null ? route.timeout() : settings.idleTimeout()).toMillis())
            .setHeaders(headersFor(in));
        guards.get(route.upstream()).get(() -> client.request(options).toCompletionStage())
            .whenComplete((out, failure) -> {
                if (failure != null) {
                    unreachable(in, route, failure);
                    return;
                }
                out.response().onSuccess(answer -> answer(in, answer)).onFailure(e -> failed(in, route, e));
                if (hasBody(in)) {
                    if (in.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
                        out.setChunked(true);
                    }
                    out.send(in).onFailure(e -> failed(in, route, e));
                } else {
                    in.resume();
                    out.end();
                }
            });
    }

    /** The service's answer: status and headers, then its body as it comes. */
    private static void answer(HttpServerRequest in, HttpClientResponse answer) {
        HttpServerResponse out = in.response();
        out.setStatusCode(answer.statusCode());
        out.setStatusMessage(answer.statusMessage());
        answer.headers().forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                out.headers().add(header.getKey(), header.getValue());
            }
        });
        int status = answer.statusCode();
        if (answer.getHeader(HttpHeaders.CONTENT_LENGTH) == null && status != 204 && status != 304 && status >= 200) {
            out.setChunked(true);
        }
        // a pipe ends its destination on failure by default: a chunked answer would then get its last chunk and a
        // report cut off by a dying service would look whole; the connection is reset instead
        answer.pipe().endOnFailure(false).to(out).onFailure(e -> {
            LOG.warnf("a relayed answer broke off (%s %s): %s", in.method(), in.uri(), e.getMessage());
            out.reset();
        });
    }

    /**
     * A body larger than the operation takes is refused before a byte of it is read: 413 for a declared length over
     * the cap; 411 for a body of unknown length on an operation with an ordinary cap (bulk bodies — imports, packing,
     * returns — may stream, and their services count what they read).
     */
    private boolean tooLarge(HttpServerRequest in, Route route) {
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            if (in.getHeader(HttpHeaders.TRANSFER_ENCODING) != null && route.maxBody() <= PublicApi.BODY) {
                refuse(in, 411, new ErrorBody("length_required", "Send the body with its Content-Length", null,
                    "LENGTH_REQUIRED", RequestIds.of(in)));
                return true;
            }
            return false;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = Long.MAX_VALUE;
        }
        if (declared > route.maxBody()) {
            refuse(in, 413, new ErrorBody("payload_too_large", "The body has " + length.trim() + " bytes; this "
                + "operation takes " + route.maxBody() + " at most", null, "PAYLOAD_TOO_LARGE", RequestIds.of(in)));
            return true;
        }
        return false;
    }

    private static boolean hasBody(HttpServerRequest in) {
        String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !"0".equals(length.trim())) || in.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** The request's end-to-end headers, and what the service needs to know of the gateway. */
    private static MultiMap headersFor(HttpServerRequest in) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        in.headers().forEach(header -> {
            String name = header.getKey().toLowerCase();
            if (!HOP_BY_HOP.contains(name) && !name.startsWith("x-forwarded-")) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        headers.set(RequestIds.HEADER, RequestIds.of(in));
        String host = in.getHeader(HttpHeaders.HOST);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        headers.set("X-Forwarded-Proto", in.scheme() == null ? "http" : in.scheme());
        headers.set("X-Forwarded-Prefix", PUBLIC_PREFIX);
        return headers;
    }

    private void unreachable(HttpServerRequest in, Route route, Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        String why = cause instanceof CircuitBreakerOpenException ? "refused for now after repeated failures"
            : cause.getMessage();
        LOG.warnf("%s unreachable for %s %s: %s", route.upstream().service(), in.method(), in.uri(), why);
        refuse(in, 503, new ErrorBody("service_unavailable", route.upstream().service() + " is not reachable right "
            + "now; try again shortly", null, "UPSTREAM_UNAVAILABLE", RequestIds.of(in)));
    }

    /** The request or the answer failed on the way: an error body while nothing is sent yet, else the end. */
    private void failed(HttpServerRequest in, Route route, Throwable failure) {
        HttpServerResponse out = in.response();
        if (out.headWritten()) {
            LOG.warnf("%s broke off %s %s: %s", route.upstream().service(), in.method(), in.uri(),
                failure.getMessage());
            out.reset();
            return;
        }
        boolean timeout = failure instanceof java.util.concurrent.TimeoutException
            || String.valueOf(failure.getMessage()).contains("timeout");
        LOG.warnf("%s failed to answer %s %s: %s", route.upstream().service(), in.method(), in.uri(),
            failure.getMessage());
        refuse(in, timeout ? 504 : 502, new ErrorBody(timeout ? "gateway_timeout" : "bad_gateway",
            route.upstream().service() + (timeout ? " did not answer in time" : " failed to answer"), null,
            timeout ? "UPSTREAM_TIMEOUT" : "UPSTREAM_FAILED", RequestIds.of(in)));
    }

    /**
     * Answers with an error body without reading the request's body: the connection is closed after the answer
     * when a body is still coming, so that a refused upload is never read.
     */
    private void refuse(HttpServerRequest in, int status, ErrorBody body) {
        HttpServerResponse out = in.response();
        if (out.ended() || out.headWritten()) {
            return;
        }
        if (!in.isEnded()) {
            out.putHeader(HttpHeaders.CONNECTION, "close");
        }
        try {
            out.setStatusCode(status).setStatusMessage(HttpResponseStatus.valueOf(status).reasonPhrase())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Per service: connecting is retried (nothing has been sent yet, so any method may be), and a service that keeps
     * refusing connections is refused at once for a while.
     */
    private static TypedGuard<CompletionStage<HttpClientRequest>> guard(Upstream upstream) {
        return TypedGuard.create(new TypeLiteral<CompletionStage<HttpClientRequest>>() { })
            .withDescription("connections to " + upstream.service())
            .withRetry().maxRetries(2).delay(200, ChronoUnit.MILLIS).done()
            .withCircuitBreaker().requestVolumeThreshold(10).failureRatio(0.5).delay(5, ChronoUnit.SECONDS).done()
            .build();
    }
}
