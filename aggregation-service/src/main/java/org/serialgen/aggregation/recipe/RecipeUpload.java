package org.serialgen.aggregation.recipe;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.kit.errors.ApiException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * An upload of recipes read row by row as it arrives — CSV with the export's columns, or a JSON array of recipes —
 * on the calling (worker) thread: nothing of it is held beyond the row being read. A row that cannot even be read as a
 * recipe carries its problems; an upload that is not CSV or JSON at all is a 400.
 */
@ApplicationScoped
class RecipeUpload {

    /** One row of the upload: the recipe it holds and what could not even be read of it. */
    record Row(RecipeRequest recipe, Map<String, List<String>> problems) {
    }

    private final ObjectMapper json;
    /** Reads one element of the array at a time: what follows an element is the next one, not trailing data. */
    private final ObjectReader element;

    RecipeUpload(ObjectMapper json) {
        this.json = json;
        this.element = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    static Iterator<Row> csvRows(InputStream body) {
        try {
            MappingIterator<Map<String, String>> rows = new CsvMapper()
                .readerFor(new TypeReference<Map<String, String>>() { })
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(body);
            return new Iterator<>() {
                boolean checkedHeader;

                @Override
                public boolean hasNext() {
                    try {
                        return rows.hasNextValue();
                    } catch (IOException e) {
                        throw ApiException.Validation.of("body", "Not readable as CSV: " + e.getMessage());
                    }
                }

                @Override
                public Row next() {
                    Map<String, String> row;
                    try {
                        row = rows.nextValue();
                    } catch (IOException e) {
                        throw ApiException.Validation.of("body", "Not readable as CSV: " + e.getMessage());
                    }
                    if (!checkedHeader) {
                        checkedHeader = true;
                        List<String> missing = new ArrayList<>(List.of("gtin", "variant", "effective_from"));
                        missing.removeAll(row.keySet());
                        if (!missing.isEmpty()) {
                            throw ApiException.Validation.of("body", "The CSV header lacks " + missing + "; the columns "
                                + "are " + String.join(",", RecipeCsv.COLUMNS));
                        }
                    }
                    Map<String, List<String>> problems = new LinkedHashMap<>();
                    return new Row(RecipeCsv.read(row, problems), problems);
                }
            };
        } catch (IOException e) {
            throw ApiException.Validation.of("body", "Not readable as CSV: " + e.getMessage());
        }
    }

    Iterator<Row> jsonRows(InputStream body) {
        JsonParser parser;
        try {
            parser = json.getFactory().createParser(body);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw ApiException.Validation.of("body", "A JSON array of recipes is expected");
            }
        } catch (IOException e) {
            throw ApiException.Validation.of("body", "Not readable as JSON: " + e.getMessage());
        }
        return new Iterator<>() {
            JsonToken next;

            @Override
            public boolean hasNext() {
                try {
                    if (next == null) {
                        next = parser.nextToken();
                    }
                    return next != null && next != JsonToken.END_ARRAY;
                } catch (IOException e) {
                    throw ApiException.Validation.of("body", "Not readable as JSON: " + e.getMessage());
                }
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                next = null;
                try {
                    JsonNode read = element.readTree(parser);
                    try {
                        return new Row(json.treeToValue(read, RecipeRequest.class), Map.of());
                    } catch (JsonProcessingException e) {
                        return new Row(null, Map.of("row", List.of("Not a recipe: " + e.getOriginalMessage())));
                    }
                } catch (IOException e) {
                    throw ApiException.Validation.of("body", "Not readable as JSON: " + e.getMessage());
                }
            }
        };
    }
}
