package org.serialgen.kit.request;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Every service's parameters read strictly. A whole-number query, path or header parameter is digits in the type's
 * range (not {@code 1.5}, not {@code 2^31}): a 400 naming it, with the spec's error body, instead of JAX-RS's bare
 * 404. A boolean is {@code true} or {@code false} and nothing else — JAX-RS reads {@code dry_run=1} as false and
 * {@code dry_run=} as absent, a dry run that imports — so boolean parameters are declared as strings and read by
 * {@link #flag}.
 */
@Provider
public class StrictParams implements ParamConverterProvider {

    /** A parameter that does not read as its type; mapped to the spec's 400 by ErrorMappers. */
    public static final class InvalidParameter extends WebApplicationException {

        private final String name;
        private final String problem;

        InvalidParameter(String name, String problem) {
            super(problem, null, 400);
            this.name = name;
            this.problem = problem;
        }

        public Map<String, List<String>> details() {
            return Map.of(name, List.of(problem));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Converter<>(name, value -> (int) whole(value, Integer.MIN_VALUE,
                Integer.MAX_VALUE));
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Converter<>(name, value -> whole(value, Long.MIN_VALUE, Long.MAX_VALUE));
        }
        return null;
    }

    private interface Reader<T> {
        T read(String value);
    }

    private record Converter<T>(String name, Reader<T> reader) implements ParamConverter<T> {
        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return reader.read(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameter(name, e.getMessage());
            }
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }
    }

    /**
     * A boolean query parameter: absent is false, {@code true} or {@code false} as written, anything else a 400 —
     * an empty value too, which JAX-RS hands over as null: {@code uri} tells it from an absent one.
     */
    public static boolean flag(UriInfo uri, String name, String value) {
        if (value == null) {
            if (!uri.getQueryParameters().containsKey(name)) {
                return false;
            }
            value = "";
        }
        try {
            return bool(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(name, e.getMessage());
        }
    }

    static boolean bool(String value) {
        if ("true".equals(value)) {
            return true;
        }
        if ("false".equals(value)) {
            return false;
        }
        throw new IllegalArgumentException("Must be true or false");
    }

    static long whole(String value, long min, long max) {
        String digits = value.startsWith("-") ? value.substring(1) : value;
        if (digits.isEmpty() || digits.length() > 19 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("Must be a whole number");
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException tooLarge) {
            // out of range, as below
        }
        throw new IllegalArgumentException("Must be a whole number from " + min + " to " + max);
    }

    private static String name(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
            if (annotation instanceof PathParam path) {
                return path.value();
            }
            if (annotation instanceof HeaderParam header) {
                return header.value();
            }
        }
        return "parameter";
    }
}
