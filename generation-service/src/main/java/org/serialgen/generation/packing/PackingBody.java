package org.serialgen.generation.packing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.request.StrictJson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A packing body, {@code {"parent": …, "children": […]}}, read token by token as it arrives (on a worker thread: the
 * stream blocks), under the rules every other body is bound by (StrictJson's): a key given twice, a value of another
 * type, text with control characters or anything after the object is a 400 naming the field. What it refuses it
 * refuses as soon as it is read — the 100 001st child, a child too long to be a number, a body over {@link #MAX_BYTES}
 * — without reading the rest; and nothing of the body is held but the numbers themselves.
 */
@ApplicationScoped
class PackingBody {

    /** The gateway's cap for a numbers body: 100 000 EPC URNs with room to spare. */
    static final long MAX_BYTES = 16L << 20;
    /** Longer than any element string, pack code or EPC URN of a number. */
    static final int MAX_NUMBER = 200;

    private final ObjectMapper json;

    PackingBody(ObjectMapper json) {
        this.json = json;
    }

    /** The container and its children; {@code children} is null where the body names none. */
    PackRequest read(InputStream body) {
        try (JsonParser parser = json.getFactory().createParser(new Capped(body))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ApiException.Validation.of("body", "A JSON object with parent and children is expected");
            }
            String parent = null;
            List<String> children = null;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "parent" -> parent = value == JsonToken.VALUE_NULL ? null : text(parser, "parent");
                    case "children" -> children = value == JsonToken.VALUE_NULL ? null : children(parser);
                    // unknown fields are ignored, as in every other body
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw ApiException.Validation.of("body", "Nothing may follow the object");
            }
            return new PackRequest(parent, children);
        } catch (JsonProcessingException e) {
            throw ApiException.Validation.of("body", "Not readable as JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.Validation.of("body", "The body broke off: " + e.getMessage());
        }
    }

    private static List<String> children(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw ApiException.Validation.of("children", "Must be an array of numbers");
        }
        List<String> children = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (children.size() == PackRequest.MAX_CHILDREN) {
                throw ApiException.Validation.of("children", "1 to " + PackRequest.MAX_CHILDREN + " numbers");
            }
            children.add(text(parser, "children"));
        }
        return children;
    }

    private static String text(JsonParser parser, String field) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw ApiException.Validation.of(field, "Must be text (an element string or EPC URN)");
        }
        if (parser.getTextLength() > MAX_NUMBER) {
            throw ApiException.Validation.of(field, "A number has at most " + MAX_NUMBER + " characters");
        }
        String text = parser.getText();
        int at = StrictJson.unclean(text);
        if (at >= 0) {
            throw ApiException.Validation.of(field, "Text must not hold control characters or half of a surrogate "
                + "pair (character " + at + ")");
        }
        return text;
    }

    /** The body, refused with 413 once it has given more than {@link #MAX_BYTES}. */
    private static final class Capped extends FilterInputStream {
        private long read;

        Capped(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BYTES) {
                throw new ApiException.TooLarge("The body has more than " + MAX_BYTES + " bytes; packing takes "
                    + MAX_BYTES + " at most");
            }
        }
    }
}
