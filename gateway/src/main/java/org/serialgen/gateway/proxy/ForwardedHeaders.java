package org.serialgen.gateway.proxy;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;
import org.serialgen.kit.request.RequestIds;

/**
 * What every downstream call carries from the incoming request: the caller's token (services check it again), the
 * request id (one id across the gateway's and the service's logs) and the forwarded host and prefix, so links a
 * service builds point back at the gateway.
 */
public class ForwardedHeaders implements ClientHeadersFactory {

    static final String PUBLIC_PREFIX = "/api/v1";

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        copy(incoming, headers, HttpHeaders.AUTHORIZATION, HttpHeaders.AUTHORIZATION);
        copy(incoming, headers, RequestIds.HEADER, RequestIds.HEADER);
        copy(incoming, headers, HttpHeaders.HOST, "X-Forwarded-Host");
        String proto = incoming.getFirst("X-Forwarded-Proto");
        headers.putSingle("X-Forwarded-Proto", proto != null ? proto : "http");
        headers.putSingle("X-Forwarded-Prefix", PUBLIC_PREFIX);
        return headers;
    }

    private static void copy(MultivaluedMap<String, String> from, MultivaluedMap<String, String> to, String name,
                             String as) {
        String value = from.getFirst(name);
        if (value != null) {
            to.putSingle(as, value);
        }
    }
}
