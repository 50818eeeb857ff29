package org.serialgen.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;
import org.serialgen.testkit.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What the gateway answers by itself: tokens from the users file, and the relay's refusals before any service is
 * asked — a missing, forged or insufficient token, a wrong method — and its answer when a service is away.
 */
@QuarkusTest
class GatewayTest {

    static final String API = "/api/v1/serial-generation/";

    static String login(String user) {
        return "Bearer " + given().contentType(ContentType.JSON)
            .body("{\"username\": \"" + user + "\", \"password\": \"" + GatewayResources.PASSWORD + "\"}")
            .post("/api/v1/auth/token").then().statusCode(200).body("token_type", equalTo("Bearer"))
            .body("roles", hasItem(user)).extract().jsonPath().getString("access_token");
    }

    @Test
    void issuesTokensToKnownUsersOnly() {
        login("manager");
        given().contentType(ContentType.JSON)
            .body("{\"username\": \"manager\", \"password\": \"" + GatewayResources.PASSWORD + "\"}")
            .post("/api/v1/auth/token").then().statusCode(200).header("Cache-Control", "no-store");
        // a key twice is refused, on the one endpoint that needs no token too
        given().contentType(ContentType.JSON).body("{\"username\": \"manager\", \"username\": \"admin\","
            + " \"password\": \"x\"}").post("/api/v1/auth/token")
            .then().statusCode(400).body("error", equalTo("validation_error"));
        given().contentType(ContentType.JSON).body("{\"username\": \"manager\", \"password\": \"wrong\"}")
            .post("/api/v1/auth/token")
            .then().statusCode(401).body("error", equalTo("unauthorized")).body("code", equalTo("INVALID_CREDENTIALS"));
        given().contentType(ContentType.JSON).body("{\"username\": \"manager\"}").post("/api/v1/auth/token")
            .then().statusCode(400).body("error", equalTo("validation_error"));
    }

    @Test
    void anAccessTokenIsShortAndNamesTheSuiteAndARefreshGivesANewPairForTheSameSession() {
        io.restassured.path.json.JsonPath signedIn = given().contentType(ContentType.JSON)
            .body("{\"username\": \"manager\", \"password\": \"" + GatewayResources.PASSWORD + "\"}")
            .post("/api/v1/auth/token").then().statusCode(200).extract().jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(900, signedIn.getInt("expires_in"), "15 minutes");
        String access = signedIn.getString("access_token");
        String refresh = signedIn.getString("refresh_token");
        io.restassured.path.json.JsonPath claims = new io.restassured.path.json.JsonPath(new String(
            java.util.Base64.getUrlDecoder().decode(access.split("\\.")[1])));
        org.junit.jupiter.api.Assertions.assertEquals("serialgen", claims.getString("aud"));
        org.junit.jupiter.api.Assertions.assertTrue(signedIn.getInt("refresh_expires_in") > 8 * 3600 - 60);

        // a refresh token is no access token: the gateway (as every service) refuses it
        given().header("Authorization", "Bearer " + refresh).get(API + "config/").then().statusCode(401);
        // nor is an access token a refresh token
        given().contentType(ContentType.JSON).body("{\"refresh_token\": \"" + access + "\"}")
            .post("/api/v1/auth/refresh").then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));
        given().contentType(ContentType.JSON).body("{\"refresh_token\": \"" + refresh.substring(0, refresh.length() - 3)
            + "abc\"}").post("/api/v1/auth/refresh").then().statusCode(401)
            .body("code", equalTo("INVALID_REFRESH_TOKEN"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/auth/refresh").then().statusCode(400)
            .body("details.refresh_token[0]", notNullValue());

        io.restassured.path.json.JsonPath refreshed = given().contentType(ContentType.JSON)
            .body("{\"refresh_token\": \"" + refresh + "\"}").post("/api/v1/auth/refresh").then().statusCode(200)
            .header("Cache-Control", "no-store").body("roles", hasItem("manager")).extract().jsonPath();
        // the session does not grow by refreshing
        org.junit.jupiter.api.Assertions.assertTrue(refreshed.getInt("refresh_expires_in")
            <= signedIn.getInt("refresh_expires_in"));
        // the new access token is let through to the service (away here: 503, not 401)
        given().header("Authorization", "Bearer " + refreshed.getString("access_token"))
            .get(API + "config/").then().statusCode(503);
        // tokens for other audiences, or none, are refused before any service is asked
        given().header("Authorization", TestTokens.bearerFor("another-app", "mallory", "admin")).get(API + "config/")
            .then().statusCode(401);
        given().header("Authorization", TestTokens.bearerFor(null, "mallory", "admin")).get(API + "config/")
            .then().statusCode(401);
    }

    @Test
    void theSignInEndpointsTakeAFewKilobytesAndNoStreams() {
        given().contentType(ContentType.JSON).body("{\"username\": \"" + "m".repeat(20_000) + "\", \"password\": \"x\"}")
            .post("/api/v1/auth/token").then().statusCode(413).body("code", equalTo("PAYLOAD_TOO_LARGE"))
            .body("request_id", notNullValue());
        given().contentType(ContentType.JSON).body("{\"refresh_token\": \"" + "x".repeat(9_000) + "\"}")
            .post("/api/v1/auth/refresh").then().statusCode(413);
    }

    @Test
    void failedSignInsLockTheNameOutForAWhileWithoutCheckingThePassword() {
        String name = "mallory-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body("{\"username\": \"" + name + "\", \"password\": \"guess" + i
                + "\"}").post("/api/v1/auth/token").then().statusCode(401).body("code", equalTo("INVALID_CREDENTIALS"));
        }
        given().contentType(ContentType.JSON).body("{\"username\": \"" + name.toUpperCase() + "\", \"password\": "
            + "\"guess5\"}").post("/api/v1/auth/token").then().statusCode(429)
            .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
            .body("error", equalTo("too_many_requests")).body("code", equalTo("LOGIN_THROTTLED"))
            .body("request_id", org.hamcrest.Matchers.notNullValue());
        // another name from the same address still signs in (the address's own limit is higher)
        login("supervisor");
    }

    @Test
    void everySignInGrantedOrNotIsSentToTheAuditTrailWithTheNameAddressAndRequest() {
        String name = "eve-" + System.nanoTime();
        given().contentType(ContentType.JSON).header("X-Request-Id", "sign-in-" + name)
            .body("{\"username\": \"" + name + "\", \"password\": \"guess\"}").post("/api/v1/auth/token")
            .then().statusCode(401);
        String refresh = given().contentType(ContentType.JSON).header("X-Request-Id", "sign-in-ok-" + name)
            .body("{\"username\": \"viewer\", \"password\": \"" + GatewayResources.PASSWORD + "\"}")
            .post("/api/v1/auth/token").then().statusCode(200).extract().jsonPath().getString("refresh_token");
        given().contentType(ContentType.JSON).header("X-Request-Id", "refresh-" + name)
            .body("{\"refresh_token\": \"" + refresh + "\"}").post("/api/v1/auth/refresh").then().statusCode(200);

        java.util.List<org.serialgen.events.SignIn> sent = org.serialgen.testkit.TestKafka.records(
                org.serialgen.events.Topics.AUTH, value -> value.contains(name), 3, java.time.Duration.ofSeconds(30),
                java.time.Duration.ofSeconds(1)).stream()
            .map(record -> org.serialgen.events.EventCodec.readEnvelope(record.value()))
            .peek(event -> org.junit.jupiter.api.Assertions.assertEquals(org.serialgen.events.EventTypes.SIGN_IN,
                event.eventType()))
            .map(event -> org.serialgen.events.EventCodec.payload(event, org.serialgen.events.SignIn.class))
            // keyed by user name, the three may lie on different partitions: their own time orders them
            .sorted(java.util.Comparator.comparing(org.serialgen.events.SignIn::at))
            .toList();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("failure", "success", "refreshed"),
            sent.stream().map(org.serialgen.events.SignIn::outcome).toList());
        org.serialgen.events.SignIn failed = sent.get(0);
        org.junit.jupiter.api.Assertions.assertEquals(name, failed.username());
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), failed.roles());
        org.junit.jupiter.api.Assertions.assertEquals("127.0.0.1", failed.address());
        org.junit.jupiter.api.Assertions.assertTrue(sent.get(1).roles().contains("viewer"), "the roles granted");
        org.junit.jupiter.api.Assertions.assertEquals("refresh-" + name, sent.get(2).requestId());
    }

    @Test
    void refusesACallWithoutAValidTokenBeforeAnyServiceIsAsked() {
        given().get(API + "workorders/").then().statusCode(401).header("WWW-Authenticate", "Bearer")
            .body("error", equalTo("unauthorized")).body("request_id", notNullValue());
        given().header("Authorization", TestTokens.forgedBearer("mallory", "admin")).get(API + "config/")
            .then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
        given().header("Authorization", "Basic bWFuYWdlcjpwdw==").get(API + "config/").then().statusCode(401);
        // an upload refused unread: the answer closes the connection instead of reading the body
        given().contentType("text/csv").body("gtin,variant,effective_from\n".repeat(10_000))
            .post(API + "aggregation/recipes/import").then().statusCode(401).header("Connection", "close");
    }

    @Test
    void refusesARoleThatMayNotAndAMethodThatIsNot() {
        given().header("Authorization", login("viewer")).contentType(ContentType.JSON).body("{}")
            .put(API + "config/").then().statusCode(403).body("error", equalTo("forbidden"));
        given().header("Authorization", login("erp-operator")).contentType(ContentType.JSON).body("{}")
            .post(API + "workorders/WO-1/generate-serials/").then().statusCode(403);
        given().header("Authorization", login("viewer")).delete(API + "config/")
            .then().statusCode(405).header("Allow", containsString("PATCH")).body("error", equalTo("method_not_allowed"));
        given().header("Authorization", login("viewer")).get(API + "no-such-thing/")
            .then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void aBodyLargerThanItsOperationTakesIsRefusedBeforeItIsRead() {
        String manager = login("manager");
        byte[] twoMegabytes = new byte[2 << 20];
        java.util.Arrays.fill(twoMegabytes, (byte) ' ');
        given().header("Authorization", manager).header("X-Request-Id", "req_big-1").contentType(ContentType.JSON)
            .body(twoMegabytes).post(API + "workorders/").then().statusCode(413)
            .body("error", equalTo("payload_too_large")).body("code", equalTo("PAYLOAD_TOO_LARGE"))
            .body("request_id", equalTo("req_big-1"));
        given().header("Authorization", manager).contentType(ContentType.JSON).body(twoMegabytes)
            .put(API + "config/").then().statusCode(413);
        // a packing of 100 000 numbers and a bulk import are larger, and go on to their service (away here: 503)
        given().header("Authorization", manager).contentType(ContentType.JSON).body(twoMegabytes)
            .post(API + "workorders/WO-1/packing/").then().statusCode(503);
        given().header("Authorization", manager).contentType("text/csv").body(twoMegabytes)
            .post(API + "aggregation/recipes/import").then().statusCode(503);
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", tls = true)
    java.net.URL https;

    @Test
    void servesHttpsWithTheSameApiAndHeaders() {
        String base = "https://localhost:" + https.getPort();
        String token = given().relaxedHTTPSValidation().contentType(ContentType.JSON)
            .body("{\"username\": \"viewer\", \"password\": \"" + GatewayResources.PASSWORD + "\"}")
            .post(base + "/api/v1/auth/token").then().statusCode(200).header("Cache-Control", "no-store")
            .header("Strict-Transport-Security", containsString("max-age=")).extract().jsonPath()
            .getString("access_token");
        given().relaxedHTTPSValidation().header("Authorization", "Bearer " + token)
            .get(base + API + "workorders/").then().statusCode(503).body("code", equalTo("UPSTREAM_UNAVAILABLE"));
    }

    @Test
    void aServiceThatIsAwayIsA503WithTheRequestId() {
        given().header("Authorization", login("viewer")).header("X-Request-Id", "req_away-1")
            .get(API + "workorders/?page=1")
            .then().statusCode(503).header("X-Request-Id", "req_away-1")
            .body("error", equalTo("service_unavailable")).body("code", equalTo("UPSTREAM_UNAVAILABLE"))
            .body("request_id", equalTo("req_away-1"));
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Test
    void itsOpenApiDocumentShowsTheWholePublicApi() {
        given().get("/q/openapi").then().statusCode(404);
        given().get(management.getProtocol() + "://" + management.getHost() + ":" + management.getPort()
                + "/q/openapi?format=json").then().statusCode(200)
            .body("paths.'/api/v1/serial-generation/workorders/{id}/generate-serials/'.post.summary",
                containsString("Idempotency-Key"))
            .body("paths.'/api/v1/serial-generation/config/'.patch.description", containsString("manager"))
            .body("paths.'/api/v1/auth/token'.post", notNullValue())
            .body("paths.'/api/v1/auth/refresh'.post", notNullValue())
            .body("paths.'/api/v1/serial-generation/events'.get", notNullValue());
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL plain;

    @Test
    void anAnswerThatBreaksOffMidStreamReachesTheCallerBroken() throws Exception {
        // read at the socket's level: a client that took the cut-off answer as whole would pass a short report on
        java.net.http.HttpResponse<java.io.InputStream> answer = java.net.http.HttpClient.newHttpClient().send(
            java.net.http.HttpRequest.newBuilder(plain.toURI().resolve(API + "erp/syncs/"))
                .header("Authorization", login("viewer")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        org.junit.jupiter.api.Assertions.assertEquals(200, answer.statusCode());
        java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> {
            try (java.io.InputStream body = answer.body()) {
                body.transferTo(read);
            }
        }, "the body ends with an error, not with the last chunk");
        org.junit.jupiter.api.Assertions.assertEquals(DyingService.FIRST_ROWS, read.toString(), "what came through");
    }
}
