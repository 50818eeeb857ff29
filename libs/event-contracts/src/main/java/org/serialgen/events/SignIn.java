package org.serialgen.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One sign-in or token refresh at the gateway and how it ended ({@link Topics#AUTH}, {@link EventTypes#SIGN_IN}):
 * {@code outcome} is one of {@link #OUTCOMES}; {@code username} is the name given (a failed one may name no user),
 * {@code roles} those granted (empty unless it succeeded). config-service keeps them in its audit trail.
 */
public record SignIn(
    @JsonProperty("username") String username,
    @JsonProperty("outcome") String outcome,
    @JsonProperty("roles") List<String> roles,
    @JsonProperty("address") String address,
    @JsonProperty("request_id") String requestId,
    @JsonProperty("at") Instant at) {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
    public static final String THROTTLED = "throttled";
    public static final String REFRESHED = "refreshed";
    public static final String REFRESH_REFUSED = "refresh_refused";
    public static final List<String> OUTCOMES = List.of(SUCCESS, FAILURE, THROTTLED, REFRESHED, REFRESH_REFUSED);

    /** Whether the caller got a token. */
    public boolean granted() {
        return SUCCESS.equals(outcome) || REFRESHED.equals(outcome);
    }
}
