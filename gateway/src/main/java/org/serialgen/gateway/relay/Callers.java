package org.serialgen.gateway.relay;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Who calls a relayed operation: the bearer token is verified as every service verifies it (the same
 * {@code mp.jwt.verify.*} settings: signature, issuer, expiry), and its {@code groups} are the caller's roles.
 */
@ApplicationScoped
class Callers {

    /** A request without a valid bearer token. */
    static final class Unauthenticated extends Exception {
        Unauthenticated() {
            super(null, null, false, false);
        }
    }

    private final JWTParser tokens;

    Callers(JWTParser tokens) {
        this.tokens = tokens;
    }

    /** The caller's roles; {@link Unauthenticated} without a valid token. */
    Set<String> roles(HttpServerRequest request) throws Unauthenticated {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Unauthenticated();
        }
        try {
            JsonWebToken token = tokens.parse(authorization.substring(7).trim());
            Set<String> groups = token.getGroups();
            return groups == null ? Set.of() : groups;
        } catch (ParseException e) {
            throw new Unauthenticated();
        }
    }
}
