package org.serialgen.gateway.auth;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.serialgen.events.SignIn;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.request.RequestIds;
import org.serialgen.security.UsersFile;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.http.HttpServerRequest;

/**
 * Issues tokens for the embedded default, checking users against the users file (salted PBKDF2 hashes); repeated
 * failures lock the user name and the client address out for a while ({@link LoginThrottle}); every sign-in, failed
 * and refused one is logged with who and from where, counted and sent to the audit trail ({@link SignIns}). Where an external
 * identity provider issues the tokens, {@code serialgen.auth.local-users.enabled=false} turns this off.
 * <p>
 * An access token lives 15 minutes (by default) and names the suite as its audience ({@code mp.jwt.verify.audiences},
 * which every service checks); with it comes a refresh token for a new pair until the session's end (8 hours by
 * default). A refresh token names an audience of its own, so no service takes it as an access token, and a refresh
 * reads the user's roles from the users file again: a user removed or changed there gets no more tokens of the old
 * kind once the access token in hand runs out.
 */
@Path("/v1/auth")
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
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("refresh_expires_in") long refreshExpiresIn,
        @JsonProperty("roles") List<String> roles) {
    }

    public record Refresh(@JsonProperty("refresh_token") String refreshToken) {
    }

    /** The claim that says what a token is for; only a refresh token carries it. */
    static final String TOKEN_USE = "token_use";

    @ConfigProperty(name = "serialgen.auth.local-users.enabled")
    boolean enabled;

    @ConfigProperty(name = "serialgen.auth.users-file")
    String usersFile;

    @ConfigProperty(name = "serialgen.auth.issuer")
    String issuer;

    @ConfigProperty(name = "serialgen.auth.token-lifetime")
    Duration lifetime;

    @ConfigProperty(name = "serialgen.auth.refresh-lifetime")
    Duration refreshLifetime;

    @ConfigProperty(name = "mp.jwt.verify.audiences")
    String audience;

    @Inject
    JWTParser parser;

    @Inject
    JWTAuthContextInfo verification;

    private volatile UsersFile users;

    @Inject
    LoginThrottle throttle;

    @Inject
    SignIns signIns;

    void load(@Observes StartupEvent startup) throws IOException {
        if (enabled) {
            users = UsersFile.read(java.nio.file.Path.of(usersFile));
            LOG.infof("token issuing on: %d users from %s", users.size(), usersFile);
            if (!users.weaklyHashed().isEmpty()) {
                LOG.warnf("users hashed with fewer PBKDF2 iterations than new hashes get (hash their passwords "
                    + "again): %s", users.weaklyHashed());
            }
        }
    }

    @POST
    @Path("token")
    @PermitAll
    @Blocking // PBKDF2 is deliberately slow: keep it off the event loop
    // a bearer token is a credential: no cache, shared or private, may keep the answer (RFC 6749 §5.1)
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @ResponseHeader(name = "Pragma", value = "no-cache")
    @Operation(summary = "Exchange a username and password for a bearer token (embedded default only)")
    public Token issue(Credentials credentials, @Context HttpServerRequest request) {
        String requestId = request.getHeader(RequestIds.HEADER);
        if (!enabled) {
            throw new ApiException.NotFound("LOCAL_USERS_DISABLED", "Tokens are issued by the identity provider");
        }
        if (credentials == null || blank(credentials.username()) || blank(credentials.password())) {
            throw new ApiException.Validation(Map.of(
                "username", List.of("username and password are required"),
                "password", List.of("username and password are required")));
        }
        String address = address(request);
        Instant now = Instant.now();
        Optional<Duration> locked = throttle.lockedFor(credentials.username(), address, now);
        if (locked.isPresent()) {
            long seconds = Math.max(1, locked.get().toSeconds());
            signIns.record(SignIn.THROTTLED, credentials.username(), List.of(), address, requestId);
            LOG.warnf("sign-in refused (throttled) user=%s address=%s retry_after=%ds", credentials.username(),
                address, seconds);
            throw new ApiException.TooManyRequests("LOGIN_THROTTLED", "Too many failed sign-ins: try again in "
                + seconds + " s", seconds);
        }
        Optional<UsersFile.User> user = users.authenticate(credentials.username(), credentials.password().toCharArray());
        if (user.isEmpty()) {
            throttle.failed(credentials.username(), address, now);
            signIns.record(SignIn.FAILURE, credentials.username(), List.of(), address, requestId);
            LOG.warnf("sign-in failed user=%s address=%s", credentials.username(), address);
            throw new ApiException.Unauthenticated("INVALID_CREDENTIALS", "Unknown user or wrong password");
        }
        throttle.succeeded(credentials.username());
        signIns.record(SignIn.SUCCESS, user.get().username(), sorted(user.get().roles()), address, requestId);
        LOG.infof("sign-in user=%s address=%s", user.get().username(), address);
        return tokensFor(user.get(), Instant.now().plus(refreshLifetime));
    }

    @POST
    @Path("refresh")
    @PermitAll
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @ResponseHeader(name = "Pragma", value = "no-cache")
    @Operation(summary = "Exchange a refresh token for a new access token and refresh token (embedded default only); "
        + "the session ends when the first sign-in's refresh lifetime does")
    public Token refresh(Refresh refresh, @Context HttpServerRequest request) {
        String requestId = request.getHeader(RequestIds.HEADER);
        String address = address(request);
        if (!enabled) {
            throw new ApiException.NotFound("LOCAL_USERS_DISABLED", "Tokens are issued by the identity provider");
        }
        if (refresh == null || blank(refresh.refreshToken())) {
            throw ApiException.Validation.of("refresh_token", "This field is required");
        }
        JsonWebToken token;
        try {
            JWTAuthContextInfo refreshing = new JWTAuthContextInfo(verification);
            refreshing.setExpectedAudience(Set.of(refreshAudience()));
            token = parser.parse(refresh.refreshToken(), refreshing);
        } catch (ParseException e) {
            // the token names no one we can trust: the refusal is recorded without a user name
            signIns.record(SignIn.REFRESH_REFUSED, "", List.of(), address, requestId);
            throw new ApiException.Unauthenticated("INVALID_REFRESH_TOKEN", "The refresh token is not valid (any "
                + "more): sign in again");
        }
        Optional<UsersFile.User> user = "refresh".equals(token.getClaim(TOKEN_USE))
            ? users.find(token.getSubject()) : Optional.empty();
        if (user.isEmpty()) {
            signIns.record(SignIn.REFRESH_REFUSED, String.valueOf(token.getSubject()), List.of(), address, requestId);
            throw new ApiException.Unauthenticated("INVALID_REFRESH_TOKEN", "The refresh token is not valid (any "
                + "more): sign in again");
        }
        signIns.record(SignIn.REFRESHED, user.get().username(), sorted(user.get().roles()), address, requestId);
        // the session keeps the end its sign-in gave it: refreshing never makes it longer
        return tokensFor(user.get(), Instant.ofEpochSecond(token.getExpirationTime()));
    }

    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private static List<String> sorted(java.util.Collection<String> roles) {
        return roles.stream().sorted().toList();
    }

    /** An access token for the user's roles now, and a refresh token that ends at {@code sessionEnd}. */
    private Token tokensFor(UsersFile.User user, Instant sessionEnd) {
        List<String> roles = user.roles().stream().sorted().toList();
        long left = Math.max(1, java.time.Duration.between(Instant.now(), sessionEnd).toSeconds());
        // no access token outlives its session
        long accessLife = Math.min(lifetime.toSeconds(), left);
        String access = Jwt.issuer(issuer).audience(audience).subject(user.username()).upn(user.username())
            .groups(user.roles()).expiresIn(accessLife).sign();
        String refresh = Jwt.issuer(issuer).audience(refreshAudience()).subject(user.username())
            .claim(TOKEN_USE, "refresh").expiresAt(sessionEnd.getEpochSecond()).sign();
        return new Token(access, "Bearer", accessLife, refresh, left, roles);
    }

    private String refreshAudience() {
        return audience + ":refresh";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
