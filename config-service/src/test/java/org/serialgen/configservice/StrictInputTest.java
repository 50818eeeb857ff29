package org.serialgen.configservice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.serialgen.configservice.ConfigApi.MANAGER;
import static org.serialgen.configservice.ConfigApi.PATH;
import static org.serialgen.configservice.ConfigApi.VIEWER;
import static org.serialgen.configservice.ConfigApi.activeVersion;
import static org.serialgen.configservice.ConfigApi.document;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The strict input layer of libs/service-kit, seen through one service: a boolean that is not true or false, a
 * number that is not a whole number in range, a JSON body with a key twice or a number as a string — each a 400
 * with the spec's body naming what was wrong, and nothing changed.
 */
@QuarkusTest
class StrictInputTest {

    @Test
    void aDryRunIsADryRunOrRefused() {
        long base = activeVersion();
        String exported = given().header("Authorization", VIEWER).get(PATH + "export/").then().extract().asString();
        String edited = exported.replaceFirst("\"discrepancy_tolerance\":[0-9.]+", "\"discrepancy_tolerance\":7.5");
        for (String lax : new String[] {"1", "yes", "abc", "", "TRUE"}) {
            given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(edited)
                .post(PATH + "import/?dry_run=" + lax)
                .then().log().ifValidationFails().statusCode(400).body("error", equalTo("validation_error"))
                .body("details.dry_run[0]", equalTo("Must be true or false")).body("request_id", notNullValue());
        }
        assertEquals(base, activeVersion(), "no lax spelling of dry_run imported anything");
    }

    @Test
    void pagesAreWholeNumbersInRange() {
        for (String page : new String[] {"abc", "1.5", "2147483648", "-"}) {
            given().header("Authorization", VIEWER).get(PATH + "history/?page=" + page)
                .then().statusCode(400).body("details.page[0]", notNullValue());
        }
        given().header("Authorization", VIEWER).get(PATH + "history/?page_size=1.5")
            .then().statusCode(400).body("details.page_size[0]", equalTo("Must be a whole number"));
        // the offset of the last int page overflowed into a 500 once
        given().header("Authorization", VIEWER).get(PATH + "history/?page=2147483647&page_size=100")
            .then().statusCode(400).body("details.page[0]", equalTo("Must be at most 21474836"));
    }

    @Test
    void textWithAControlCharacterOrALoneSurrogateIsRefusedAtItsFieldAndSavesNothing() {
        long before = activeVersion();
        for (String name : new String[] {"Pri\\u0000mary", "Bell\\u0007", "Half \\ud800"}) {
            ConfigApi.put(document("90").replace("\"Primary\"", "\"" + name + "\""), before).statusCode(400)
                .body("error", equalTo("validation_error")).body("details.keySet()", org.hamcrest.Matchers.hasItem(
                    org.hamcrest.Matchers.containsString("serial_sources")));
        }
        assertEquals(before, activeVersion());
    }

    @Test
    void aNulInThePathOrQueryIsRefusedBeforeAnyoneReadsIt() {
        given().header("Authorization", VIEWER).urlEncodingEnabled(false).get(PATH + "versions/%00/")
            .then().statusCode(400).body("details.uri[0]", equalTo("Must not contain a NUL character"))
            .body("request_id", notNullValue());
        given().header("Authorization", VIEWER).urlEncodingEnabled(false).get(PATH + "history/?page=1%00")
            .then().statusCode(400).body("error", equalTo("validation_error"));
    }

    @Test
    void aUriTooLongIsA414WithTheSpecBody() {
        // Past the server's own 4 096-character default, which would answer a bare 414 with no body.
        String search = "a".repeat(9000);
        given().header("Authorization", VIEWER).get(PATH + "history/?search=" + search)
            .then().statusCode(414).body("error", equalTo("uri_too_long"))
            .body("details.uri[0]", equalTo("Must be at most 8192 characters")).body("request_id", notNullValue());
        // Long but within the limit: read as any other query.
        given().header("Authorization", VIEWER).get(PATH + "history/?page=1&x=" + "b".repeat(6000))
            .then().statusCode(200);
    }

    @Test
    void aJsonBodyIsReadAsWritten() {
        long base = activeVersion();
        String twice = document("88").replace("\"manufacturing_percentage\": 88,",
            "\"manufacturing_percentage\": 88, \"manufacturing_percentage\": 12,");
        ConfigApi.put(twice, base).log().ifValidationFails().statusCode(400).body("error", equalTo("validation_error"));
        ConfigApi.put(document("\"88\""), base).statusCode(400).body("details.manufacturing_percentage", notNullValue());
        ConfigApi.put(document("88").replace("\"length\": 12", "\"length\": 12.5"), base).statusCode(400)
            .body("details", notNullValue());
        ConfigApi.put(document("88") + " {}", base).statusCode(400);
        assertEquals(base, activeVersion());
    }
}
