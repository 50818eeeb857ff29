package org.serialgen.gateway.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.serialgen.security.Roles;

import io.vertx.core.http.HttpMethod;

/** The route table: which operation a request is, with or without its trailing slash, and who may call it. */
class PublicApiTest {

    @Test
    void findsTheOperationOfAPathWithOrWithoutItsTrailingSlash() {
        Route route = PublicApi.find(HttpMethod.POST, "workorders/WO-7/generate-serials/").orElseThrow();
        assertEquals(Upstream.GENERATION, route.upstream());
        assertEquals(Map.of("id", "WO-7"), PublicApi.parameters(route, "workorders/WO-7/generate-serials"));
        assertEquals(route, PublicApi.find(HttpMethod.POST, "workorders/WO-7/generate-serials").orElseThrow());
        assertEquals(Upstream.CONFIG, PublicApi.find(HttpMethod.PATCH, "config/").orElseThrow().upstream());
    }

    @Test
    void aLiteralSegmentWinsOverAParameter() {
        assertEquals("aggregation/recipes/export",
            PublicApi.find(HttpMethod.GET, "aggregation/recipes/export").orElseThrow().template());
        assertEquals("aggregation/recipes/{id}/",
            PublicApi.find(HttpMethod.GET, "aggregation/recipes/42/").orElseThrow().template());
        assertEquals("workorders/export.csv",
            PublicApi.find(HttpMethod.GET, "workorders/export.csv").orElseThrow().template());
        assertEquals("workorders/{id}/",
            PublicApi.find(HttpMethod.GET, "workorders/WO-7/").orElseThrow().template());
    }

    @Test
    void tellsAWrongMethodFromAnUnknownPath() {
        assertTrue(PublicApi.find(HttpMethod.DELETE, "config/").isEmpty());
        assertEquals(Set.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.POST, HttpMethod.PATCH),
            new HashSet<>(PublicApi.methodsAt("config/")));
        assertEquals(List.of(), PublicApi.methodsAt("events/"));
        assertEquals(List.of(), PublicApi.methodsAt("workorders//"));
        assertTrue(PublicApi.find(HttpMethod.GET, "workorders/WO-7/history/extra").isEmpty());
    }

    @Test
    void readsAreForEveryRoleButTheAuditsAndWritesForTheRolesThatMayMakeThem() {
        for (Route route : PublicApi.ROUTES) {
            boolean audit = route.template().equals("erp/actions/");
            if ((route.method() == HttpMethod.GET && !audit) || route.template().equals("aggregation/calculate")) {
                assertEquals(Roles.ALL, route.roles(), route.template());
            } else {
                assertTrue(!route.roles().contains(Roles.VIEWER), "a viewer may " + route.method() + " "
                    + route.template());
            }
        }
        assertEquals(Set.of(Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR),
            PublicApi.find(HttpMethod.POST, "workorders/1/generate-sscc/").orElseThrow().roles());
        assertEquals(Set.of(Roles.ADMIN, Roles.MANAGER), PublicApi.find(HttpMethod.PUT, "config/").orElseThrow().roles());
    }

    @Test
    void everyOperationIsListedOnce() {
        Set<String> seen = new HashSet<>();
        for (Route route : PublicApi.ROUTES) {
            assertTrue(seen.add(route.method() + " " + route.template()), "twice: " + route.template());
        }
    }
}
