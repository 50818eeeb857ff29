package org.serialgen.configservice.signin;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventTypes;
import org.serialgen.events.SignIn;
import org.serialgen.events.Topics;
import org.serialgen.testkit.TestKafka;
import org.serialgen.testkit.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The gateway's sign-ins arrive as events and are kept in this service's audit trail, once each. */
@QuarkusTest
class SignInAuditTest {

    private static final String ADMIN = TestTokens.bearer("auditor", "admin");

    @Test
    void aSignInIsRecordedOnceWithItsUserAddressAndRequestEvenWhenTheBrokerRedeliversIt() {
        String user = "user-" + UUID.randomUUID();
        String granted = EventCodec.write(EventCodec.envelope(EventTypes.SIGN_IN,
            new SignIn(user, SignIn.SUCCESS, List.of("manager", "viewer"), "10.1.2.3", "req-" + user, Instant.now())));
        String refused = EventCodec.write(EventCodec.envelope(EventTypes.SIGN_IN,
            new SignIn(user, SignIn.FAILURE, List.of(), "10.1.2.4", "req2-" + user, Instant.now())));
        // the same event twice (a redelivery), then another: once the second is in, the first is in once
        TestKafka.publishAll(Topics.AUTH, user, List.of(granted, granted, refused));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().header("Authorization", ADMIN).queryParam("action", "auth.sign_in_failure")
                .queryParam("entity_id", user)
                .when().get("/serial-generation/audit/")
                .then().statusCode(200).body("count", equalTo(1)));

        JsonPath trail = given().header("Authorization", ADMIN).queryParam("entity_type", "user")
            .queryParam("entity_id", user)
            .when().get("/serial-generation/audit/").then().statusCode(200).extract().jsonPath();
        assertEquals(2, trail.getInt("count"));
        Map<String, Object> signIn = trail.getMap("results.find { it.action == 'auth.sign_in_success' }");
        assertEquals(user, signIn.get("actor"));
        assertEquals(List.of("manager", "viewer"), signIn.get("roles"));
        assertEquals("success", signIn.get("outcome"));
        assertEquals("req-" + user, signIn.get("request_id"));
        assertEquals("config-service", signIn.get("service"));
        assertEquals("10.1.2.3", ((Map<?, ?>) signIn.get("change")).get("address"));
        Map<String, Object> failure = trail.getMap("results.find { it.action == 'auth.sign_in_failure' }");
        assertEquals("refused", failure.get("outcome"));
        assertEquals(List.of(), failure.get("roles"));
    }

    @Test
    void aRefusedRefreshThatNamesNoUserIsRecordedAnonymously() {
        String requestId = "req-" + UUID.randomUUID();
        TestKafka.publish(Topics.AUTH, "", EventCodec.write(EventCodec.envelope(EventTypes.SIGN_IN,
            new SignIn("", SignIn.REFRESH_REFUSED, List.of(), "10.9.9.9", requestId, Instant.now()))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().header("Authorization", ADMIN).queryParam("request_id", requestId)
                .when().get("/serial-generation/audit/")
                .then().statusCode(200).body("count", equalTo(1))
                .body("results[0].actor", equalTo("anonymous"))
                .body("results[0].action", equalTo("auth.sign_in_refresh_refused"))
                .body("results[0].entity_id", equalTo(null))
                .body("results[0].outcome", equalTo("refused")));
    }
}
