package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.extension.ExtendWith;
import io.restassured.http.ContentType;

/** The configuration's whole API through the gateway: same answers, errors and roles as config-service's own. */
@ExtendWith(RunningSuite.class)
class ConfigIT {

    static final String CONFIG = "/api/v1/serial-generation/config/";

    static long activeVersion(String token) {
        return given().header("Authorization", token).get(CONFIG).then().statusCode(200)
            .extract().jsonPath().getLong("version");
    }

    @Test
    void patchesKeepsHistoryRestoresAndResetsThroughTheGateway() {
        String manager = FlowIT.login("manager");
        long v = activeVersion(manager);
        given().header("Authorization", manager).header("If-Match", "\"v" + v + "\"")
            .contentType("application/merge-patch+json").body("{\"discrepancy_tolerance\": 4}")
            .patch(CONFIG)
            .then().statusCode(200).header("ETag", "\"v" + (v + 1) + "\"").body("discrepancy_tolerance", equalTo(4.0f));
        given().header("Authorization", manager).header("If-Match", "\"v" + v + "\"")
            .contentType("application/merge-patch+json").body("{\"discrepancy_tolerance\": 6}")
            .patch(CONFIG)
            .then().statusCode(409).body("code", equalTo("CONFIG_VERSION_CONFLICT"))
            .body("current.version", equalTo((int) v + 1));
        given().header("Authorization", manager).get(CONFIG + "history/?page_size=5")
            .then().statusCode(200).body("results[0].changes.field", hasItem("discrepancy_tolerance"))
            .body("results[0].user", equalTo("manager"));
        given().header("Authorization", manager).get(CONFIG + "versions/" + v + "/")
            .then().statusCode(200).body("version", equalTo((int) v));
        given().header("Authorization", manager).post(CONFIG + "versions/" + v + "/restore/")
            .then().statusCode(200).body("restored_from", equalTo((int) v));
        given().header("Authorization", manager).post(CONFIG + "reset/")
            .then().statusCode(200).body("change_action", equalTo("reset"));
        // the defaults name no company prefix: the suite's other tests issue serials under the seeded ones
        FlowIT.patchConfig(manager, "{\"gs1_company_prefixes\": [{\"prefix\": \"9506000\", \"sscc_extension_digit\": 0},"
            + " {\"prefix\": \"9520000\", \"sscc_extension_digit\": 0}]}");
    }

    @Test
    void exportsAndImportsThroughTheGatewayWithADryRun() {
        String manager = FlowIT.login("manager");
        String exported = given().header("Authorization", manager).get(CONFIG + "export/")
            .then().statusCode(200).header("Content-Disposition", containsString("serialgen-config-v"))
            .extract().asString();
        long v = activeVersion(manager);
        given().header("Authorization", manager).contentType(ContentType.JSON)
            .body(exported.replaceFirst("\"manufacturing_percentage\":[0-9.]+", "\"manufacturing_percentage\":42"))
            .post(CONFIG + "import/?dry_run=true")
            .then().log().ifValidationFails().statusCode(200).body("dry_run", equalTo(true)).body("changes[0].field",
                equalTo("manufacturing_percentage"));
        given().header("Authorization", manager).get(CONFIG).then().body("version", equalTo((int) v));
        given().header("Authorization", FlowIT.login("supervisor")).contentType(ContentType.JSON)
            .body(exported).post(CONFIG + "import/")
            .then().statusCode(403).body("error", equalTo("forbidden"));
    }
}
