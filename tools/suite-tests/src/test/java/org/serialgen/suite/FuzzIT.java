package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Malformed requests to every operation of the public API, through the gateway and straight at the owning service,
 * by a role that may call it: broken path parameters, query parameters of the wrong type or range, and bodies that
 * are not JSON, not an object, keyed twice, trailed by garbage, nested too deep, or holding NUL and half surrogates.
 * Never a 5xx; every 4xx in the spec's error body; no answer above 1 MB; and afterwards nothing was written (the
 * configuration's version, the numbers of work orders, recipes, ERP runs and issued numbers are what they were).
 * {@code -Dfuzz.rounds=N} (default 1) adds N rounds of random variants, for the 10 000+ run on demand.
 */
@ExtendWith(RunningSuite.class)
class FuzzIT {

    static final List<String> PARAMETERS = List.of("%00", "a%00b", "-1", "0", "2147483648",
        "99999999999999999999999", "%2e%2e%2f%2e%2e%2fetc", "%F0%9F%92%A9", "%27%20OR%201%3D1--", "%25", "a%20b",
        "x".repeat(1_500), "%C0%AF", "%FF");
    static final List<String> QUERIES = List.of("page=abc", "page=-1", "page=2147483647&page_size=100",
        "page_size=1.5", "page_size=0", "page_size=2147483648", "dry_run=yes", "derive=1", "deleted=abc",
        "search=a%00b", "format=bogus", "status=%00", "sort=%3Bdrop", "gtin=abc", "kind=everything",
        "wo_id=" + "W".repeat(1_500), "from=2026-13-45", "page=1&page=2");
    /** Bodies no operation can take: sent to every write, none of them can be a valid request of any kind. */
    static final List<String> BODIES = List.of("{", "[]", "\"\"", "1", "true", "{\"a\": 1, \"a\": 2}",
        "{} {}", "{}x", "{\"a\": " + "[".repeat(3_000) + "]".repeat(3_000) + "}", "\u0000", "{\"a\":\"\\ud800\"",
        "\"\\u0000\"", "[{\"a\":1}, 2", "{\"quantity\": 1e999999999", "\uFEFF{\"a\":");
    static final int MAX_ANSWER = 1 << 20;

    @Test
    void malformedRequestsToEveryOperationAreClear4xxAndWriteNothing() {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : RoleMatrixIT.ROLES) {
            tokens.put(role, FlowIT.login(role));
        }
        Map<String, Object> before = footprint(tokens.get("admin"));
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int rounds = Integer.getInteger("fuzz.rounds", 1);
        Random random = new Random(20261201);
        int calls = 0;
        for (PublicOperations.Operation operation : PublicOperations.all()) {
            String token = tokens.get(RoleMatrixIT.ROLES.stream().filter(operation.roles()::contains).findFirst()
                .orElseThrow());
            List<String[]> variants = new ArrayList<>(); // path?query, body
            if (operation.hasParameters()) {
                for (String parameter : PARAMETERS) {
                    variants.add(new String[] {operation.path().replaceAll("\\{[^}]+}", parameter), null});
                }
            }
            for (String query : QUERIES) {
                variants.add(new String[] {operation.filled() + "?" + query, null});
            }
            if (operation.writes() && !PublicOperations.ACT_WITHOUT_INPUT.contains(operation.name())) {
                for (String body : BODIES) {
                    variants.add(new String[] {operation.path().contains("{") ? operation.filled()
                        : operation.path(), body});
                }
                for (int round = 0; round < rounds - 1; round++) {
                    variants.add(new String[] {operation.filled(), garbage(random)});
                }
            }
            for (int round = 0; round < rounds - 1 && operation.hasParameters(); round++) {
                variants.add(new String[] {operation.path().replaceAll("\\{[^}]+}", "%" + String.format("%02X",
                    random.nextInt(256)) + Integer.toString(random.nextInt(), 36)), null});
            }
            for (String[] variant : variants) {
                if (operation.writes() && variant[1] == null
                    && PublicOperations.ACT_WITHOUT_INPUT.contains(operation.name())) {
                    continue;
                }
                for (String target : List.of(variant[0], operation.direct(variant[0]))) {
                    Response answer = call(operation, token, target, variant[1]);
                    calls++;
                    int status = answer.statusCode();
                    byStatus.merge(status, 1, Integer::sum);
                    String what = operation.name() + " → " + shorten(target) + (variant[1] == null ? ""
                        : " with " + shorten(variant[1]));
                    if (status >= 500) {
                        wrong.add(what + ": " + status + " " + shorten(answer.asString()));
                    } else if (operation.writes() && status < 400) {
                        wrong.add(what + ": " + status + " (a malformed write was taken)");
                    } else if (status >= 400) {
                        String body = answer.asString();
                        JsonPath error = body.isEmpty() || !body.startsWith("{") ? null : answer.jsonPath();
                        if (error == null || error.getString("error") == null || error.getString("message") == null
                            || error.getString("request_id") == null) {
                            wrong.add(what + ": " + status + " without the spec's error body: " + shorten(body));
                        } else if (body.length() > MAX_ANSWER) {
                            wrong.add(what + ": an error body of " + body.length() + " characters");
                        }
                    }
                }
            }
        }
        System.out.printf("fuzz: %d malformed requests (rounds %d); by status %s%n", calls, rounds, byStatus);
        assertEquals(List.of(), wrong);
        assertEquals(before, footprint(tokens.get("admin")), "nothing was written");
    }

    /** What a write would have changed: versions and counts read through the gateway. */
    private static Map<String, Object> footprint(String token) {
        Map<String, Object> seen = new TreeMap<>();
        seen.put("config version", given().header("Authorization", token).get("/api/v1/serial-generation/config/")
            .then().statusCode(200).extract().jsonPath().getLong("version"));
        for (String list : List.of("workorders/", "aggregation/recipes/", "erp/syncs/", "erp/failed-records/")) {
            seen.put(list, given().header("Authorization", token).queryParam("page_size", 1)
                .get("/api/v1/serial-generation/" + list).then().statusCode(200).extract().jsonPath().getLong("count"));
        }
        seen.put("pools", given().header("Authorization", token).get("/api/v1/serial-generation/pools/").then()
            .statusCode(200).extract().asString());
        return seen;
    }

    private static String garbage(Random random) {
        StringBuilder out = new StringBuilder("{");
        int length = 1 + random.nextInt(200);
        for (int i = 0; i < length; i++) {
            out.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0xD800)));
        }
        return out.toString();
    }

    private static Response call(PublicOperations.Operation operation, String token, String target, String body) {
        RequestSpecification request = given().redirects().follow(false).urlEncodingEnabled(false)
            .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
            .header("Authorization", token);
        if (body != null || operation.writes()) {
            request.contentType("application/json").body(body == null ? "{\"unreadable\": " : body);
        }
        return request.request(operation.method(), target);
    }

    private static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
