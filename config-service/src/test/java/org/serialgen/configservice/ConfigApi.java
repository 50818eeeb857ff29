package org.serialgen.configservice;

import static io.restassured.RestAssured.given;

import org.serialgen.testkit.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Calls on config-service as a manager or a viewer, for the tests of this module. */
final class ConfigApi {

    static final String MANAGER = TestTokens.bearer("mia.manager", "manager");
    static final String VIEWER = TestTokens.bearer("vic.viewer", "viewer");
    static final String PATH = "/serial-generation/config/";

    /** A valid whole document: a prefix, a 12-character safe alphanumeric randomised format, 120 per case. */
    static String document(String manufacturing) {
        return """
            {"serial_sources": [{"name": "Primary", "url": "https://serials.example.com/api", "enabled": true}],
             "sscc_sources": [],
             "builtin_serial_generator": true,
             "manufacturing_percentage": %s,
             "discrepancy_tolerance": 5.0,
             "aggregation_rules": {"l1": {"enabled": true, "multiplier": 1},
                                   "l2": {"enabled": true, "multiplier": 10},
                                   "l3": {"enabled": true, "multiplier": 120},
                                   "l4": {"enabled": false, "multiplier": 4800}},
             "gs1_company_prefixes": [{"prefix": "9506000", "sscc_extension_digit": 3}],
             "serial_format": {"length": 12, "alphabet": "alphanumeric_safe", "mode": "randomised",
                               "expected_volume_per_gtin": 5000000},
             "pool_exhaustion_warning_percent": 75}
            """.formatted(manufacturing);
    }

    private ConfigApi() {
    }

    static long activeVersion() {
        return given().header("Authorization", VIEWER).get(PATH)
            .then().statusCode(200).extract().jsonPath().getLong("version");
    }

    static ValidatableResponse put(String body, long basedOn) {
        return given().header("Authorization", MANAGER).header("If-Match", "\"v" + basedOn + "\"")
            .contentType(ContentType.JSON).body(body).put(PATH).then();
    }

    static ValidatableResponse patch(String body, long basedOn) {
        return given().header("Authorization", MANAGER).header("If-Match", "\"v" + basedOn + "\"")
            .contentType("application/merge-patch+json").body(body).patch(PATH).then();
    }
}
