package org.serialgen.kit.persistence;

import jakarta.persistence.AttributeConverter;

/**
 * Stores a {@link Coded} enum as its code. A service declares one {@code @Converter(autoApply = true)} subclass per
 * enum; queries then take and give the enum constants.
 */
public abstract class CodedColumn<E extends Enum<E> & Coded> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected CodedColumn(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.code();
    }

    @Override
    public E convertToEntityAttribute(String code) {
        return code == null ? null : Coded.byCode(type, code)
            .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " is stored as " + code));
    }
}
