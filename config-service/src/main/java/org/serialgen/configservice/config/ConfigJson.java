package org.serialgen.configservice.config;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.serialgen.events.ConfigDocument;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.request.StrictJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Request bodies to configuration documents. A field the configuration does not have is refused (a misspelt
 * {@code manufacturing_percentag} must not be ignored silently); the read-only fields of a GET answer are accepted,
 * so a client can send back what it read, edited.
 */
final class ConfigJson {

    static final Set<String> DOCUMENT_FIELDS = Set.of("serial_sources", "sscc_sources", "builtin_serial_generator",
        "manufacturing_percentage", "discrepancy_tolerance", "aggregation_rules", "gs1_company_prefixes",
        "serial_format", "pool_exhaustion_warning_percent");
    static final Set<String> READ_ONLY_FIELDS = Set.of("id", "version", "is_active", "created_at", "updated_at",
        "created_by", "updated_by", "change_action", "restored_from");

    private static final ObjectMapper STRICT = StrictJson.strict(new ObjectMapper())
        .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigJson() {
    }

    /** {@code body} as a document; unknown fields and values of the wrong type are 400 with the field named. */
    static ConfigDocument document(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.Validation.of("body", "A JSON object is required");
        }
        Map<String, List<String>> unknown = new LinkedHashMap<>();
        ObjectNode fields = ((ObjectNode) body).deepCopy();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (READ_ONLY_FIELDS.contains(name)) {
                fields.remove(name);
            } else if (!DOCUMENT_FIELDS.contains(name)) {
                unknown.put(name, List.of("Unknown field"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiException.Validation(unknown);
        }
        try {
            return STRICT.treeToValue(fields, ConfigDocument.class);
        } catch (JsonMappingException e) {
            throw ApiException.Validation.of(path(e), "Invalid value: " + e.getOriginalMessage().split("\n")[0]);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ApiException.Validation.of("body", "Invalid configuration: " + e.getMessage());
        }
    }

    /** The {@code version} a body says it edited, if it says. */
    static Long version(JsonNode body) {
        if (body == null || !body.hasNonNull("version")) {
            return null;
        }
        JsonNode version = body.get("version");
        if (!version.canConvertToLong() || !version.isIntegralNumber()) {
            throw ApiException.Validation.of("version", "Must be the version number the edit is based on");
        }
        return version.longValue();
    }

    /** RFC 7396 JSON merge patch: objects merge field by field, null removes, anything else replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
            : STRICT.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    static JsonNode tree(ConfigDocument document) {
        return STRICT.valueToTree(document);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }
}
