package org.serialgen.generation.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.serialgen.generation.task.GenerationFixtures.SUPERVISOR;
import static org.serialgen.generation.task.GenerationFixtures.VIEWER;
import static org.serialgen.generation.task.GenerationFixtures.configure;
import static org.serialgen.generation.task.GenerationFixtures.csvLines;
import static org.serialgen.generation.task.GenerationFixtures.generate;
import static org.serialgen.generation.task.GenerationFixtures.newGtin;
import static org.serialgen.generation.task.GenerationFixtures.workOrder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serialgen.generation.report.EpcisSchema;
import org.serialgen.gs1.EpcUrn;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Returning unused numbers: exactly those named leave what the work order holds, are told as decommissioned in
 * EPCIS and never come back; a request naming one number the work order does not hold changes nothing.
 */
@QuarkusTest
class DecommissionTest {

    static final String API = "/serial-generation/workorders/";

    @BeforeEach
    void twelveDigitRandomisedSerials() {
        configure(12, "numeric", "randomised", 1_000_000);
    }

    static ValidatableResponse decommission(String woId, String body) {
        return given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON).body(body)
            .post(API + woId + "/decommission/").then();
    }

    static List<String> serials(String woId) {
        return csvLines(woId, "serials", null).stream().map(row -> row.split(",")[1]).toList();
    }

    @Test
    void returnsExactlyTheNamedSerialsAndTellsThemDecommissioned() {
        String woId = workOrder(newGtin(), 100, 2);
        generate(woId, "serials", "{\"quantity\": 60}").statusCode(202);
        generate(woId, "serials", "{\"quantity\": 45}").statusCode(202);
        List<String> issued = serials(woId);
        // the first and last of one issue, one in the middle of the other: allocations split around each
        List<String> returned = List.of(issued.get(0), issued.get(59), issued.get(80));
        decommission(woId, "{\"kind\": \"serial\", \"numbers\": [\"" + String.join("\", \"", returned)
            + "\"], \"reason\": \"Damaged labels, returned unused\"}")
            .statusCode(200).body("decommissioned", equalTo(3)).body("held", equalTo(102))
            .body("kind", equalTo("serial")).body("decommissioned_at", notNullValue());

        List<String> held = serials(woId);
        assertEquals(102, held.size());
        Set<String> expected = new HashSet<>(issued);
        returned.forEach(expected::remove);
        assertEquals(expected, new HashSet<>(held));
        given().header("Authorization", VIEWER).get(API + woId + "/").then()
            .body("generated_serials", equalTo(105)).body("decommissioned_serials", equalTo(3))
            .body("serial_generation_status", equalTo("completed"));
        given().header("Authorization", VIEWER).get(API + woId + "/history/").then()
            .body("results[0].action_type", equalTo("serial_decommissioning"))
            .body("results[0].generated_quantity", equalTo(3))
            .body("results[0].user", equalTo("sam.supervisor"));
        given().header("Authorization", VIEWER).queryParam("serial", returned.get(1)).get(API + woId + "/datamatrix")
            .then().statusCode(404);

        String document = given().header("Authorization", VIEWER).get(API + woId + "/epcis").then().statusCode(200)
            .extract().asString();
        EpcisSchema.assertValid(document);
        GenerationFixtures.epcisXmlTellingTheSame(woId, document);
        JsonPath epcis = new JsonPath(document);
        List<String> actions = epcis.getList("epcisBody.eventList.action");
        assertEquals(List.of("ADD", "ADD", "DELETE", "DELETE"), actions);
        Set<String> decommissioned = new HashSet<>();
        for (int i = 2; i < 4; i++) {
            epcis.<String>getList("epcisBody.eventList[" + i + "].epcList")
                .forEach(urn -> decommissioned.add(EpcUrn.parseSgtin(urn).serial().value()));
        }
        assertEquals(Set.copyOf(returned), decommissioned);

        // more serials later: never one of those returned
        generate(woId, "serials", "{\"quantity\": 20, \"override_config\": true}").statusCode(202);
        assertTrue(serials(woId).stream().noneMatch(returned::contains));
        given().header("Authorization", SUPERVISOR).post("/serial-generation/audit/uniqueness?derive=true")
            .then().statusCode(200).body("ok", equalTo(true)).body("overlapping_allocations", equalTo(0))
            .body("pools_whose_allocations_differ_from_issued", equalTo(0));
    }

    @Test
    void refusesWhatItCannotDoAndChangesNothing() {
        String woId = workOrder(newGtin(), 50, 1);
        generate(woId, "serials", "{}").statusCode(202);
        List<String> issued = serials(woId);
        String other = workOrder(newGtin(), 10, 1);
        generate(other, "serials", "{}").statusCode(202);
        String foreign = serials(other).get(0);

        decommission(woId, "{\"kind\": \"serial\", \"numbers\": [\"" + issued.get(1) + "\", \"" + foreign
            + "\"], \"reason\": \"r\"}").statusCode(400).body("error", equalTo("validation_error"))
            .body("details.numbers[0]", containsString("1 not held by this work order: " + foreign));
        decommission(woId, "{\"kind\": \"serial\", \"numbers\": [\"" + issued.get(1) + "\", \"" + issued.get(1)
            + "\"], \"reason\": \"r\"}").statusCode(400).body("details.numbers[0]", containsString("twice"));
        decommission(woId, "{\"kind\": \"serial\", \"numbers\": [\"" + issued.get(1) + "\"], \"all\": true,"
            + " \"reason\": \"r\"}").statusCode(400).body("details.numbers", notNullValue());
        decommission(woId, "{\"kind\": \"serial\", \"all\": true}").statusCode(400).body("details.reason", notNullValue());
        decommission(woId, "{\"kind\": \"pallet\", \"all\": true, \"reason\": \"r\"}").statusCode(400)
            .body("details.kind", notNullValue());
        decommission(woId, "{\"kind\": \"bundle\", \"all\": true, \"reason\": \"r\"}").statusCode(409)
            .body("code", equalTo("NOTHING_HELD"));
        decommission(woId, "{\"kind\": \"serial\", \"numbers\": [], \"reason\": \"r\"}").statusCode(400);
        given().header("Authorization", VIEWER).contentType(ContentType.JSON)
            .body("{\"kind\": \"serial\", \"all\": true, \"reason\": \"r\"}").post(API + woId + "/decommission/")
            .then().statusCode(403);
        assertEquals(issued, serials(woId));
        assertEquals(List.of(serials(other).get(0)), serials(other).subList(0, 1));
        given().header("Authorization", VIEWER).get(API + woId + "/").then().body("decommissioned_serials", equalTo(0));
    }

    @Test
    void returnsAllThatIsHeldOfAKindAndSsccsByTheirNumber() {
        String woId = workOrder(newGtin(), 100, 4);
        generate(woId, "serials", "{}").statusCode(202);
        generate(woId, "sscc", "{}").statusCode(202);
        List<String> ssccs = csvLines(woId, "sscc", null).stream().map(row -> row.split(",")[0])
            .collect(Collectors.toCollection(ArrayList::new));
        decommission(woId, "{\"kind\": \"sscc\", \"numbers\": [\"" + ssccs.get(2) + "\"], \"reason\": \"Pallet "
            + "not built\"}").statusCode(200).body("decommissioned", equalTo(1)).body("held", equalTo(3));
        assertFalse(csvLines(woId, "sscc", null).stream().anyMatch(row -> row.startsWith(ssccs.get(2))));
        assertEquals(3, csvLines(woId, "sscc", null).size());

        decommission(woId, "{\"kind\": \"serial\", \"all\": true, \"reason\": \"Batch cancelled\"}")
            .statusCode(200).body("decommissioned", equalTo(105)).body("held", equalTo(0));
        assertEquals(0, serials(woId).size());
        decommission(woId, "{\"kind\": \"serial\", \"all\": true, \"reason\": \"again\"}").statusCode(409)
            .body("code", equalTo("NOTHING_HELD"));
        given().header("Authorization", VIEWER).get(API + woId + "/").then()
            .body("decommissioned_serials", equalTo(105)).body("decommissioned_sscc", equalTo(1));
    }
}
