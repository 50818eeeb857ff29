package org.serialgen.generation.pool;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.serialgen.gs1.SerialAlphabet;
import org.serialgen.gs1.SerialMode;

/** A pool's serial format as stored: the alphabet's and the mode's ids. */
final class FormatColumns {

    private FormatColumns() {
    }

    @Converter(autoApply = true)
    static final class Alphabet implements AttributeConverter<SerialAlphabet, String> {

        @Override
        public String convertToDatabaseColumn(SerialAlphabet alphabet) {
            return alphabet == null ? null : alphabet.id();
        }

        @Override
        public SerialAlphabet convertToEntityAttribute(String id) {
            return id == null ? null : SerialAlphabet.byId(id)
                .orElseThrow(() -> new IllegalStateException("unknown stored alphabet " + id));
        }
    }

    @Converter(autoApply = true)
    static final class Mode implements AttributeConverter<SerialMode, String> {

        @Override
        public String convertToDatabaseColumn(SerialMode mode) {
            return mode == null ? null : mode.id();
        }

        @Override
        public SerialMode convertToEntityAttribute(String id) {
            return id == null ? null : SerialMode.byId(id)
                .orElseThrow(() -> new IllegalStateException("unknown stored mode " + id));
        }
    }
}
