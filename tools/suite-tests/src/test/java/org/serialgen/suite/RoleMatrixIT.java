package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** Operations that act on nothing named and read no body: a call the role may make would really do it. */
    static final Set<String> ACT_WITHOUT_INPUT = Set.of("POST /api/v1/serial-generation/config/reset/",
        "POST /api/v1/serial-generation/audit/uniqueness");

    record Operation(String method, String path, Set<String> roles, String service) {
        String filled() {
            return path.replaceAll("\\{[^}]+}", "999999");
        }

        boolean writes() {
            return !method.equals("GET");
        }

        String name() {
            return method + " " + path;
        }
    }

    static List<Operation> operations() {
        String document = given().get(RunningSuite.RUNNING.get(RunningSuite.GATEWAY).managementUrl()
            + "/q/openapi?format=json").then().statusCode(200).extract().asString();
        Map<String, Map<String, Map<String, Object>>> paths = new JsonPath(document).getMap("paths");
        List<Operation> operations = new ArrayList<>();
        new TreeMap<>(paths).forEach((path, methods) -> methods.forEach((method, operation) -> {
            Object roles = operation.get("x-serialgen-roles");
            if (path.startsWith("/api/v1/serial-generation/") && roles instanceof List<?> named) {
                operations.add(new Operation(method.toUpperCase(), path, Set.copyOf(named.stream()
                    .map(String::valueOf).toList()), String.valueOf(operation.get("x-serialgen-service"))));
            }
        }));
        return operations;
    }

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

        List<Operation> operations = operations();
        assertTrue(operations.size() > 50, operations.size() + " operations");
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Operation operation : operations) {
            String direct = RunningSuite.RUNNING.get(operation.service()).url()
                + operation.filled().replace("/api/v1/serial-generation/", "/serial-generation/");
            for (String role : ROLES) {
                boolean allowed = operation.roles().contains(role);
                if (allowed && operation.writes() && ACT_WITHOUT_INPUT.contains(operation.name())) {
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
    private static Response call(Operation operation, String token, String target) {
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
