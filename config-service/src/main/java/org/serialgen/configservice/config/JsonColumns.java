package org.serialgen.configservice.config;

import java.util.List;
import java.util.Map;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.serialgen.events.ConfigActivated.AggregationRule;
import org.serialgen.events.ConfigActivated.Source;
import org.serialgen.events.EventCodec;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * JSONB columns as JSON text. Hibernate Reactive's own JSON mapping decodes a JSON array column into a map, so the
 * typed values are converted here, with the columns' write expressions casting the text to {@code jsonb}.
 */
final class JsonColumns {

    private JsonColumns() {
    }

    @Converter
    static final class Sources implements AttributeConverter<List<Source>, String> {
        @Override
        public String convertToDatabaseColumn(List<Source> value) {
            return EventCodec.write(value == null ? List.of() : value);
        }

        @Override
        public List<Source> convertToEntityAttribute(String json) {
            return EventCodec.read(json, new TypeReference<List<Source>>() { });
        }
    }

    @Converter
    static final class Rules implements AttributeConverter<Map<String, AggregationRule>, String> {
        @Override
        public String convertToDatabaseColumn(Map<String, AggregationRule> value) {
            return EventCodec.write(value == null ? Map.of() : value);
        }

        @Override
        public Map<String, AggregationRule> convertToEntityAttribute(String json) {
            return EventCodec.read(json, new TypeReference<java.util.LinkedHashMap<String, AggregationRule>>() { });
        }
    }
}
