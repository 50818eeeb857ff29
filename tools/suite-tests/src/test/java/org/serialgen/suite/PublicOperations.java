package org.serialgen.suite;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.restassured.path.json.JsonPath;

/** The public API's operations as the running gateway's OpenAPI document lists them, with their roles and service. */
final class PublicOperations {

    /** Operations that act on nothing named and read no body: a call a role may make would really do it. */
    static final Set<String> ACT_WITHOUT_INPUT = Set.of("POST /api/v1/serial-generation/config/reset/",
        "POST /api/v1/serial-generation/audit/uniqueness");

    record Operation(String method, String path, Set<String> roles, String service) {
        /** The path with each parameter a number nothing has. */
        String filled() {
            return path.replaceAll("\\{[^}]+}", "999999");
        }

        boolean hasParameters() {
            return path.contains("{");
        }

        boolean writes() {
            return !method.equals("GET");
        }

        String name() {
            return method + " " + path;
        }

        /** Where the owning service answers it (the gateway's own operations: where they are public). */
        String direct(String publicPath) {
            if (service.equals(RunningSuite.GATEWAY)) {
                return RunningSuite.RUNNING.get(service).url() + publicPath;
            }
            return RunningSuite.RUNNING.get(service).url()
                + publicPath.replace("/api/v1/serial-generation/", "/serial-generation/");
        }
    }

    private PublicOperations() {
    }

    static List<Operation> all() {
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
}
