package org.serialgen.kit.persistence;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A closed set of domain values (an enum) with one spelling each: {@link #code()} is what the database column, the
 * JSON and the events hold (the spec's lower-case words, such as {@code in_progress}), the constant is what the code
 * says.
 */
public interface Coded {

    @JsonValue
    String code();

    /** The constant of {@code type} spelt {@code code}, if there is one. */
    static <E extends Enum<E> & Coded> Optional<E> byCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
    }
}
