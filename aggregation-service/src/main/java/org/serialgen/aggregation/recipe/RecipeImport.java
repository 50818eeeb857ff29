package org.serialgen.aggregation.recipe;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.serialgen.aggregation.breakdown.BreakdownService;
import org.serialgen.events.EventCodec;
import org.serialgen.kit.context.IsolatedContext;
import org.serialgen.kit.errors.ApiException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Bulk import of recipes, CSV or JSON, streamed: rows are read and checked as they arrive, staged a thousand at a time
 * with their errors, and finally moved into the recipes in one transaction — all of them or, in skip_invalid mode,
 * the valid ones. Nothing of the upload is held in memory beyond one batch, so 100 000 recipes import in one request.
 */
@ApplicationScoped
public class RecipeImport {

    public static final String ALL_OR_NOTHING = "all_or_nothing";
    public static final String SKIP_INVALID = "skip_invalid";
    static final int BATCH = 1_000;
    static final int MAX_ERRORS = 1_000;
    static final int ANALYZE_FROM = 10_000;

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper json;

    @Inject
    BreakdownService breakdowns;

    /** One row of the upload: the recipe it holds and what could not even be read of it. */
    record Row(RecipeRequest recipe, Map<String, List<String>> problems) {
    }

    /** Runs on a worker thread: the body is read as it arrives, the database is used on a context of its own. */
    public ImportReport run(InputStream body, boolean csv, String mode, String user) {
        UUID importId = UUID.randomUUID();
        IsolatedContext db = IsolatedContext.create(vertx);
        try {
            Iterator<Row> rows = csv ? csvRows(body) : jsonRows(body);
            ArrayNode batch = json.createArrayNode();
            int number = 0;
            while (rows.hasNext()) {
                Row row = rows.next();
                batch.add(stagedRow(++number, row));
                if (batch.size() == BATCH) {
                    stage(db, importId, batch);
                    batch = json.createArrayNode();
                }
            }
            if (!batch.isEmpty()) {
                stage(db, importId, batch);
            }
            if (number == 0) {
                throw ApiException.Validation.of("body", "No recipe in the upload");
            }
            return db.await(() -> Panache.withTransaction(() -> finish(importId, mode, user)));
        } finally {
            db.await(() -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("DELETE FROM recipe_import_row WHERE import_id = :id")
                .setParameter("id", importId).executeUpdate())));
        }
    }

    private ObjectNode stagedRow(int number, Row row) {
        Map<String, List<String>> errors = new LinkedHashMap<>(row.problems());
        RecipeRules.Checked checked = row.recipe() == null ? null : RecipeRules.check(row.recipe(), errors);
        if (!errors.isEmpty()) {
            checked = null;
        }
        ObjectNode node = json.createObjectNode().put("n", number);
        RecipeRequest recipe = row.recipe();
        if (checked != null) {
            node.put("gtin", checked.gtin()).put("variant", checked.variant())
                .put("effective_from", checked.effectiveFrom().toString())
                .set("levels", json.valueToTree(checked.levels()));
        } else {
            node.put("gtin", recipe == null ? null : recipe.gtin())
                .put("variant", recipe == null ? null : recipe.variant())
                .set("errors", json.valueToTree(errors));
        }
        return node;
    }

    private static void stage(IsolatedContext db, UUID importId, ArrayNode batch) {
        String rows = batch.toString();
        db.await(() -> Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.createNativeQuery("""
                INSERT INTO recipe_import_row (import_id, row_number, gtin, variant, effective_from, levels, errors)
                SELECT :id, r.n, left(r.gtin, 14), left(r.variant, 50), r.effective_from, r.levels, r.errors
                FROM jsonb_to_recordset(CAST(CAST(:rows AS text) AS jsonb))
                    AS r(n integer, gtin text, variant text, effective_from date, levels jsonb, errors jsonb)""")
            .setParameter("id", importId).setParameter("rows", rows).executeUpdate())));
    }

    private Uni<ImportReport> finish(UUID importId, String mode, String user) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                UPDATE recipe_import_row t
                SET errors = jsonb_build_object('variant', jsonb_build_array('The same gtin and variant as row '
                    || d.first))
                FROM (SELECT row_number, min(row_number) OVER (PARTITION BY gtin, variant) AS first
                      FROM recipe_import_row WHERE import_id = :id AND errors IS NULL) d
                WHERE t.import_id = :id AND t.row_number = d.row_number AND d.row_number <> d.first""")
            .setParameter("id", importId).executeUpdate()
            .flatMap(ignored -> session.createNativeQuery("SELECT count(*), count(*) FILTER (WHERE errors IS NULL)"
                    + " FROM recipe_import_row WHERE import_id = :id", Object[].class)
                .setParameter("id", importId).getSingleResult())
            .flatMap(counts -> {
                long rows = ((Number) counts[0]).longValue();
                long valid = ((Number) counts[1]).longValue();
                boolean write = valid > 0 && (SKIP_INVALID.equals(mode) || valid == rows);
                Uni<Integer> written = !write ? Uni.createFrom().item(0) : session.createNativeQuery("""
                        WITH staged AS (
                            SELECT gtin, variant, effective_from, levels FROM recipe_import_row
                            WHERE import_id = :id AND errors IS NULL),
                        upserted AS (
                            INSERT INTO recipe (gtin, variant, current_version, deleted, created_at, updated_at)
                            SELECT gtin, variant, 1, false, now(), now() FROM staged
                            ON CONFLICT (gtin, variant) DO UPDATE SET current_version = recipe.current_version + 1,
                                deleted = false, updated_at = now()
                            RETURNING id, gtin, variant, current_version)
                        INSERT INTO recipe_version (recipe_id, version, effective_from, levels, deleted, created_by,
                                                    created_at)
                        SELECT u.id, u.current_version, s.effective_from, s.levels, false, :user, now()
                        FROM upserted u JOIN staged s ON s.gtin = u.gtin AND s.variant = u.variant""")
                    .setParameter("id", importId).setParameter("user", user).executeUpdate()
                    .flatMap(count -> breakdowns.recomputeImported(importId).replaceWith(count))
                    // a large load makes the planner's statistics stale until autovacuum comes by: a GTIN lookup
                    // would then scan the table
                    .flatMap(count -> count < ANALYZE_FROM ? Uni.createFrom().item(count)
                        : session.createNativeQuery("ANALYZE recipe, recipe_version").executeUpdate()
                            .replaceWith(count));
                return written.flatMap(imported -> errors(importId).map(errors -> new ImportReport(importId, mode,
                    rows, valid, rows - valid, imported, errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS)
                        : errors, errors.size() > MAX_ERRORS)));
            }));
    }

    private static Uni<List<ImportReport.RowError>> errors(UUID importId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("SELECT row_number, gtin, variant,"
                + " CAST(errors AS text) FROM recipe_import_row WHERE import_id = :id AND errors IS NOT NULL"
                + " ORDER BY row_number LIMIT " + (MAX_ERRORS + 1), Object[].class)
            .setParameter("id", importId).getResultList())
            .map(rows -> rows.stream().map(r -> new ImportReport.RowError(((Number) r[0]).intValue(),
                r[1] == null ? null : ((String) r[1]).trim(), (String) r[2],
                EventCodec.read((String) r[3], new TypeReference<Map<String, List<String>>>() { }))).toList());
    }

    private Iterator<Row> csvRows(InputStream body) {
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

    private Iterator<Row> jsonRows(InputStream body) {
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
                    JsonNode element = json.readTree(parser);
                    try {
                        return new Row(json.treeToValue(element, RecipeRequest.class), Map.of());
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
