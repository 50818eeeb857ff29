package org.serialgen.gateway.auth;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.security.UsersFile;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.jwt.build.Jwt;

/**
 * Issues tokens for the embedded default, checking users against the users file (salted PBKDF2 hashes). Where an
 * external identity provider issues the tokens, {@code serialgen.auth.local-users.enabled=false} turns this off.
 */
@Path("/v1/auth/token")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenResource {

    private static final Logger LOG = Logger.getLogger(TokenResource.class);

    public record Credentials(@JsonProperty("username") String username, @JsonProperty("password") String password) {
    }

    public record Token(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("roles") List<String> roles) {
    }

    @ConfigProperty(name = "serialgen.auth.local-users.enabled")
    boolean enabled;

    @ConfigProperty(name = "serialgen.auth.users-file")
    String usersFile;

    @ConfigProperty(name = "serialgen.auth.issuer")
    String issuer;

    @ConfigProperty(name = "serialgen.auth.token-lifetime")
    Duration lifetime;

    private volatile UsersFile users;

    void load(@Observes StartupEvent startup) throws IOException {
        if (enabled) {
            users = UsersFile.read(java.nio.file.Path.of(usersFile));
            LOG.infof("token issuing on: %d users from %s", users.size(), usersFile);
        }
    }

    @POST
    @PermitAll
    @Blocking // PBKDF2 is deliberately slow: keep it off the event loop
    // a bearer token is a credential: no cache, shared or private, may keep the answer (RFC 6749 §5.1)
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @ResponseHeader(name = "Pragma", value = "no-cache")
    @Operation(summary = "Exchange a username and password for a bearer token (embedded default only)")
    public Token issue(Credentials credentials) {
        if (!enabled) {
            throw new ApiException.NotFound("LOCAL_USERS_DISABLED", "Tokens are issued by the identity provider");
        }
        if (credentials == null || blank(credentials.username()) || blank(credentials.password())) {
            throw new ApiException.Validation(Map.of(
                "username", List.of("username and password are required"),
                "password", List.of("username and password are required")));
        }
        Optional<UsersFile.User> user = users.authenticate(credentials.username(), credentials.password().toCharArray());
        if (user.isEmpty()) {
            throw new ApiException.Unauthenticated("INVALID_CREDENTIALS", "Unknown user or wrong password");
        }
        List<String> roles = user.get().roles().stream().sorted().toList();
        String token = Jwt.issuer(issuer).subject(user.get().username()).upn(user.get().username())
            .groups(user.get().roles()).expiresIn(lifetime).sign();
        return new Token(token, "Bearer", lifetime.toSeconds(), roles);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
