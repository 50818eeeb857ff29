package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serialgen.testkit.TestTokens;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of the public API (as the gateway's own OpenAPI document lists it, with the roles that may call it)
 * × every role × every kind of bad token, through the gateway and straight at the service that owns it: a role the
 * operation does not name is a 403 at both (the services do not trust the gateway to have checked), a missing,
 * expired, foreign-key, unsigned, tampered or other-audience token a 401 at both, each with the spec's error body;
 * a role it names is let through. Writes that a role may make are sent with a body that cannot be read (or for a
 * number that does not exist), so that the matrix changes nothing; the few that act without input are checked for
 * their refusals only.
 */
@ExtendWith(RunningSuite.class)
class RoleMatrixIT {

    static final List<String> ROLES = List.of("admin", "manager", "supervisor", "erp-operator", "viewer");
    @Test
    void everyOperationTimesEveryRoleAndEveryBadToken() {
        Map<String, String> tokens = new LinkedHashMap<>();
        ROLES.forEach(role -> tokens.put(role, FlowIT.login(role)));
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("none", null);
        bad.put("expired", TestTokens.expiredBearer("mallory", "admin"));
        bad.put("foreign key", TestTokens.forgedBearer("mallory", "admin"));
        bad.put("alg none", TestTokens.unsignedBearer("mallory", "admin"));
        bad.put("tampered", TestTokens.tamperedBearer("mallory", "admin"));
        bad.put("other audience", TestTokens.bearerFor("another-app", "mallory", "admin"));
        bad.put("refresh token", "Bearer " + given().contentType("application/json").body("{\"username\": \"admin\","
            + " \"password\": \"" + RunningSuite.PASSWORD + "\"}").post("/api/v1/auth/token").then().statusCode(200)
            .extract().jsonPath().getString("refresh_token"));

        List<PublicOperations.Operation> operations = PublicOperations.all();
        assertTrue(operations.size() > 50, operations.size() + " operations");
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (PublicOperations.Operation operation : operations) {
            String direct = operation.direct(operation.filled());
            for (String role : ROLES) {
                boolean allowed = operation.roles().contains(role);
                if (allowed && operation.writes() && PublicOperations.ACT_WITHOUT_INPUT.contains(operation.name())) {
                    continue;
                }
                Response viaGateway = call(operation, tokens.get(role), operation.filled());
                calls++;
                byStatus.merge(viaGateway.statusCode(), 1, Integer::sum);
                if (allowed) {
                    int status = viaGateway.statusCode();
                    if (status == 401 || status == 403 || status >= 500 || (operation.writes() && status < 300)) {
                        wrong.add(operation.name() + " as " + role + " (allowed): " + status);
                    }
                } else {
                    expectRefusal(wrong, operation.name() + " as " + role + " via the gateway", viaGateway, 403);
                    Response atService = call(operation, tokens.get(role), direct);
                    calls++;
                    byStatus.merge(atService.statusCode(), 1, Integer::sum);
                    expectRefusal(wrong, operation.name() + " as " + role + " at " + operation.service(), atService,
                        403);
                }
            }
            for (Map.Entry<String, String> token : bad.entrySet()) {
                for (String target : List.of(operation.filled(), direct)) {
                    Response answer = call(operation, token.getValue(), target);
                    calls++;
                    byStatus.merge(answer.statusCode(), 1, Integer::sum);
                    expectRefusal(wrong, operation.name() + " with a token " + token.getKey()
                        + (target == direct ? " at " + operation.service() : " via the gateway"), answer, 401);
                }
            }
        }
        System.out.printf("role matrix: %d operations × (%d roles + %d bad tokens), %d calls; by status %s%n",
            operations.size(), ROLES.size(), bad.size(), calls, byStatus);
        assertEquals(List.of(), wrong);
    }

    private static void expectRefusal(List<String> wrong, String what, Response answer, int status) {
        if (answer.statusCode() != status) {
            wrong.add(what + ": " + answer.statusCode() + " where " + status + " was expected");
            return;
        }
        JsonPath body = answer.jsonPath();
        if (body.getString("error") == null || body.getString("request_id") == null) {
            wrong.add(what + ": no spec error body: " + answer.asString());
        }
    }

    /** The operation, its body one no service can read (so an allowed write writes nothing). */
    private static Response call(PublicOperations.Operation operation, String token, String target) {
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request.header("Authorization", token);
        }
        if (operation.writes()) {
            request.contentType("application/json").body("{\"unreadable\": ");
        }
        return request.request(operation.method(), target);
    }
}
