package org.serialgen.configservice.config;

import java.util.List;
import java.util.Map;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.serialgen.events.ConfigDocument.AggregationRule;
import org.serialgen.events.ConfigDocument.CompanyPrefix;
import org.serialgen.events.ConfigDocument.SerialFormat;
import org.serialgen.events.ConfigDocument.Source;
import org.serialgen.events.EventCodec;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * JSONB columns as JSON text. Hibernate Reactive's own JSON mapping decodes a JSON array column into a map, so the
 * typed values are converted here. The columns read as {@code CAST(col AS text)} and write
 * {@code CAST(CAST(? AS text) AS jsonb)}: a parameter cast straight to jsonb would be sent as a JSON string holding
 * the JSON, not as the JSON itself.
 */
final class JsonColumns {

    private JsonColumns() {
    }

    abstract static class Json<T> implements AttributeConverter<T, String> {
        private final TypeReference<T> type;

        Json(TypeReference<T> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(T value) {
            return value == null ? null : EventCodec.write(value);
        }

        @Override
        public T convertToEntityAttribute(String json) {
            return json == null ? null : EventCodec.read(json, type);
        }
    }

    @Converter
    static final class Sources extends Json<List<Source>> {
        Sources() {
            super(new TypeReference<>() { });
        }
    }

    @Converter
    static final class Rules extends Json<Map<String, AggregationRule>> {
        Rules() {
            super(new TypeReference<>() { });
        }
    }

    @Converter
    static final class Prefixes extends Json<List<CompanyPrefix>> {
        Prefixes() {
            super(new TypeReference<>() { });
        }
    }

    @Converter
    static final class Format extends Json<SerialFormat> {
        Format() {
            super(new TypeReference<>() { });
        }
    }

    @Converter
    static final class Changes extends Json<List<ConfigChange>> {
        Changes() {
            super(new TypeReference<>() { });
        }
    }
}
