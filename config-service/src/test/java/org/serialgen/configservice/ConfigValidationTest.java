package org.serialgen.configservice;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.serialgen.configservice.ConfigApi.activeVersion;
import static org.serialgen.configservice.ConfigApi.document;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;

/** Every validation rule, each through PATCH (a merge patch on the active version) and nothing saved. */
@QuarkusTest
class ConfigValidationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> brokenRules() {
        return Stream.of(
            Arguments.of("{\"manufacturing_percentage\": 100.5}", "manufacturing_percentage"),
            Arguments.of("{\"manufacturing_percentage\": -1}", "manufacturing_percentage"),
            Arguments.of("{\"manufacturing_percentage\": \"lots\"}", "manufacturing_percentage"),
            Arguments.of("{\"manufacturing_percentage\": null}", "manufacturing_percentage"),
            Arguments.of("{\"discrepancy_tolerance\": 5.125}", "discrepancy_tolerance"),
            Arguments.of("{\"discrepancy_tolerance\": 100.01}", "discrepancy_tolerance"),
            Arguments.of("{\"pool_exhaustion_warning_percent\": 101}", "pool_exhaustion_warning_percent"),
            Arguments.of("{\"serial_sources\": [{\"name\": \" \", \"url\": \"https://a.example\", \"enabled\": true}]}",
                "serial_sources[0].name"),
            Arguments.of("{\"serial_sources\": [{\"name\": \"A\", \"url\": \"https://a.example\", \"enabled\": true},"
                + " {\"name\": \"a\", \"url\": \"https://b.example\", \"enabled\": false}]}", "serial_sources[1].name"),
            Arguments.of("{\"serial_sources\": [{\"name\": \"A\", \"url\": \"ftp://a.example\", \"enabled\": true}]}",
                "serial_sources[0].url"),
            Arguments.of("{\"sscc_sources\": [{\"name\": \"S\", \"url\": \"/relative\", \"enabled\": true}]}",
                "sscc_sources[0].url"),
            Arguments.of("{\"serial_sources\": [{\"name\": \"S\", \"url\": \"http://127.0.0.1:8082/serial-generation/\", \"enabled\": true}]}",
                "serial_sources[0].url"),
            Arguments.of("{\"serial_sources\": [{\"name\": \"S\", \"url\": \"http://localhost/x\", \"enabled\": true}]}",
                "serial_sources[0].url"),
            Arguments.of("{\"serial_sources\": [{\"name\": \"S\", \"url\": \"http://169.254.169.254/latest/meta-data/\", \"enabled\": true}]}",
                "serial_sources[0].url"),
            Arguments.of("{\"serial_sources\": [{\"name\": \"S\", \"url\": \"https://10.1.2.3/api\", \"enabled\": true}]}",
                "serial_sources[0].url"),
            Arguments.of("{\"serial_sources\": [{\"name\": \"S\", \"url\": \"https://192.168.0.10/api\", \"enabled\": true}]}",
                "serial_sources[0].url"),
            Arguments.of("{\"serial_sources\": [{\"name\": \"S\", \"url\": \"http://[::1]:8080/\", \"enabled\": true}]}",
                "serial_sources[0].url"),
            Arguments.of("{\"serial_sources\": [{\"name\": \"S\", \"url\": \"http://[fd00::1]/\", \"enabled\": true}]}",
                "serial_sources[0].url"),
            Arguments.of("{\"serial_sources\": [{\"name\": \"S\", \"url\": \"http://2130706433/\", \"enabled\": true}]}",
                "serial_sources[0].url"),
            Arguments.of("{\"serial_sources\": [{\"name\": \"S\", \"url\": \"http://0x7f.1/\", \"enabled\": true}]}",
                "serial_sources[0].url"),
            Arguments.of("{\"serial_sources\": [{\"name\": \"S\", \"url\": \"https://user:secret@serials.example.com/api\", \"enabled\": true}]}",
                "serial_sources[0].url"),
            Arguments.of("{\"serial_sources\": [{\"name\": \"S\", \"url\": \"http://0.0.0.0:9092/\", \"enabled\": true}]}",
                "serial_sources[0].url"),
            Arguments.of("{\"sscc_sources\": [{\"name\": \"S\", \"url\": \"https://s.example\"}]}",
                "sscc_sources[0].enabled"),
            Arguments.of("{\"serial_sources\": [{\"name\": \"S\", \"url\": \"https://s.example\", \"enabled\": \"yes\"}]}",
                "serial_sources[0].enabled"),
            Arguments.of("{\"serial_sources\": [], \"builtin_serial_generator\": false}", "serial_sources"),
            Arguments.of("{\"aggregation_rules\": null}", "aggregation_rules"),
            Arguments.of("{\"aggregation_rules\": {\"l1\": {\"multiplier\": 2}}}", "aggregation_rules.l1"),
            Arguments.of("{\"aggregation_rules\": {\"l2\": {\"multiplier\": 0}}}", "aggregation_rules.l2.multiplier"),
            Arguments.of("{\"aggregation_rules\": {\"l2\": {\"multiplier\": 1.5}}}", "aggregation_rules.l2.multiplier"),
            Arguments.of("{\"aggregation_rules\": {\"l2\": {\"enabled\": true, \"multiplier\": 10},"
                + " \"l3\": {\"enabled\": true, \"multiplier\": 125}}}", "aggregation_rules.l3.multiplier"),
            Arguments.of("{\"aggregation_rules\": {\"l5\": {\"enabled\": true, \"multiplier\": 10000}}}",
                "aggregation_rules.l5"),
            Arguments.of("{\"gs1_company_prefixes\": [{\"prefix\": \"12345\", \"sscc_extension_digit\": 0}]}",
                "gs1_company_prefixes[0].prefix"),
            Arguments.of("{\"gs1_company_prefixes\": [{\"prefix\": \"12345A7\", \"sscc_extension_digit\": 0}]}",
                "gs1_company_prefixes[0].prefix"),
            Arguments.of("{\"gs1_company_prefixes\": [{\"prefix\": \"1234567\", \"sscc_extension_digit\": 10}]}",
                "gs1_company_prefixes[0].sscc_extension_digit"),
            Arguments.of("{\"gs1_company_prefixes\": [{\"prefix\": \"1234567\", \"sscc_extension_digit\": 1},"
                + " {\"prefix\": \"1234567\", \"sscc_extension_digit\": 2}]}", "gs1_company_prefixes[1].prefix"),
            Arguments.of("{\"serial_format\": {\"length\": 21}}", "serial_format.length"),
            Arguments.of("{\"serial_format\": {\"length\": 0}}", "serial_format.length"),
            Arguments.of("{\"serial_format\": {\"alphabet\": \"lowercase\"}}", "serial_format.alphabet"),
            Arguments.of("{\"serial_format\": {\"mode\": \"random\"}}", "serial_format.mode"),
            Arguments.of("{\"serial_format\": {\"expected_volume_per_gtin\": 0}}", "serial_format.expected_volume_per_gtin"),
            // EU FMD: 6 numeric characters give 10^6 serials; 1 000 issued would be guessed 1 in 1 000
            Arguments.of("{\"serial_format\": {\"length\": 6, \"alphabet\": \"numeric\", \"mode\": \"randomised\","
                + " \"expected_volume_per_gtin\": 1000}}", "serial_format"),
            Arguments.of("{\"serial_format\": null}", "serial_format"),
            Arguments.of("{\"manufacturing_percentag\": 90}", "manufacturing_percentag"));
    }

    @ParameterizedTest
    @MethodSource("brokenRules")
    void rejectsWithTheFieldNamedAndSavesNothing(String patch, String field) {
        long before = activeVersion();
        ConfigApi.patch(patch, before)
            .statusCode(400)
            .body("error", equalTo("validation_error"))
            .body("message", notNullValue())
            .body("details", hasKey(field))
            .body("request_id", notNullValue());
        assertEquals(before, activeVersion());
    }

    @ParameterizedTest
    @MethodSource("brokenRules")
    void aWholeDocumentIsCheckedTheSameWay(String patch, String field) throws Exception {
        long before = activeVersion();
        ObjectNode whole = (ObjectNode) JSON.readTree(document("100"));
        overlay(whole, (ObjectNode) JSON.readTree(patch));
        ConfigApi.put(JSON.writeValueAsString(whole), before)
            .statusCode(400).body("error", equalTo("validation_error")).body("details", hasKey(field));
        assertEquals(before, activeVersion());
    }

    /** Puts {@code patch}'s values into {@code target}, object fields one by one (a JSON null stays a null). */
    private static void overlay(ObjectNode target, ObjectNode patch) {
        patch.fields().forEachRemaining(field -> {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue() instanceof ObjectNode nested) {
                overlay(object, nested);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("acceptedEdgeCases")
    void acceptsTheEdgesOfEachRange(String patch) {
        ConfigApi.patch(patch, activeVersion()).statusCode(200);
    }

    static Stream<String> acceptedEdgeCases() {
        return Stream.of("{\"manufacturing_percentage\": 0}", "{\"manufacturing_percentage\": 100.00}",
            "{\"discrepancy_tolerance\": 99.99}",
            "{\"serial_format\": {\"length\": 20, \"alphabet\": \"cs82\", \"expected_volume_per_gtin\": 1000000000000}}",
            "{\"serial_format\": {\"length\": 6, \"alphabet\": \"numeric\", \"mode\": \"sequential\","
                + " \"expected_volume_per_gtin\": 1000}}",
            "{\"gs1_company_prefixes\": [{\"prefix\": \"123456\", \"sscc_extension_digit\": 0},"
                + " {\"prefix\": \"123456789012\", \"sscc_extension_digit\": 9}]}",
            "{\"serial_sources\": [], \"builtin_serial_generator\": true}",
            "{\"aggregation_rules\": {\"l2\": {\"enabled\": false, \"multiplier\": 7}, \"l3\": {\"enabled\": true,"
                + " \"multiplier\": 120}, \"l4\": {\"enabled\": true, \"multiplier\": 4800}}}");
    }
}
