package org.serialgen.gateway.proxy;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.serialgen.kit.errors.ApiException;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Relays a service's answer to the caller as it is: status, JSON body (errors keep the service's error body and
 * request id), and the headers that carry meaning (ETag, Location). A service that cannot be reached is a 503 with
 * the error body, never a 500.
 */
final class Downstream {

    private Downstream() {
    }

    static Uni<Response> relay(String service, Uni<Response> call) {
        return call.map(Downstream::copy)
            // the clients relay error statuses as responses; should one still arrive as an exception, relay it too
            .onFailure(WebApplicationException.class)
            .recoverWithItem(e -> copy(((WebApplicationException) e).getResponse()))
            .onFailure(e -> e instanceof ProcessingException || e instanceof CircuitBreakerOpenException
                || e instanceof TimeoutException)
            .transform(e -> new ApiException.Unavailable("UPSTREAM_UNAVAILABLE",
                service + " is not reachable right now; try again shortly"));
    }

    /**
     * A streamed body (CSV reports), relayed chunk by chunk. A service's error arrives before the first chunk, as a
     * failure: it is answered with the service's own status and error body.
     */
    static Multi<byte[]> relay(String service, Multi<byte[]> call) {
        return call.onFailure(WebApplicationException.class)
            .transform(e -> new Relayed(copy(((WebApplicationException) e).getResponse())))
            .onFailure(e -> e instanceof ProcessingException || e instanceof CircuitBreakerOpenException
                || e instanceof TimeoutException)
            .transform(e -> new ApiException.Unavailable("UPSTREAM_UNAVAILABLE",
                service + " is not reachable right now; try again shortly"));
    }

    /** A service's answer to relay as it is, raised where only a failure can carry it. */
    static final class Relayed extends RuntimeException {

        final transient Response response;

        Relayed(Response response) {
            super("relayed HTTP " + response.getStatus(), null, false, false);
            this.response = response;
        }
    }

    private static Response copy(Response upstream) {
        Response.ResponseBuilder out = Response.status(upstream.getStatus());
        if (upstream.hasEntity()) {
            out.entity(upstream.readEntity(String.class));
            MediaType type = upstream.getMediaType();
            out.type(type != null ? type : MediaType.APPLICATION_JSON_TYPE);
        }
        for (String header : new String[] {HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.WWW_AUTHENTICATE,
            "Content-Disposition"}) {
            String value = upstream.getHeaderString(header);
            if (value != null) {
                out.header(header, value);
            }
        }
        return out.build();
    }
}
