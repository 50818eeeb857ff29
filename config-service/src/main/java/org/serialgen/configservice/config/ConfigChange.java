package org.serialgen.configservice.config;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.serialgen.events.ConfigDocument;
import org.serialgen.events.EventCodec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One field that differs between two versions. Nested objects are compared field by field
 * ({@code aggregation_rules.l2.multiplier}); lists are compared whole ({@code serial_sources}).
 */
public record ConfigChange(
    @JsonProperty("field") String field,
    @JsonProperty("from") JsonNode from,
    @JsonProperty("to") JsonNode to) {

    /** The changes from {@code before} (null: nothing before) to {@code after}, in field order. */
    static List<ConfigChange> between(ConfigDocument before, ConfigDocument after) {
        List<ConfigChange> changes = new ArrayList<>();
        diff("", tree(before), tree(after), changes);
        return changes;
    }

    private static JsonNode tree(ConfigDocument document) {
        return document == null ? NullNode.getInstance() : EventCodec.read(EventCodec.write(document), JsonNode.class);
    }

    private static void diff(String path, JsonNode before, JsonNode after, List<ConfigChange> changes) {
        if (before instanceof ObjectNode a && after instanceof ObjectNode b) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(path.isEmpty() ? name : path + "." + name, node(a.get(name)), node(b.get(name)), changes);
            }
        } else if (path.isEmpty() && after instanceof ObjectNode b) {
            for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                changes.add(new ConfigChange(field.getKey(), NullNode.getInstance(), field.getValue()));
            }
        } else if (!equal(before, after)) {
            changes.add(new ConfigChange(path, before, after));
        }
    }

    /** Numbers compare by value: 100 and 100.00 are the same percentage. */
    private static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return Objects.equals(a, b);
    }

    private static JsonNode node(JsonNode value) {
        return value == null ? NullNode.getInstance() : value;
    }
}
