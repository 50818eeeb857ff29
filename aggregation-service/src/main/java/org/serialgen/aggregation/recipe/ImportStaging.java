package org.serialgen.aggregation.recipe;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.events.EventCodec;
import org.serialgen.kit.persistence.NativeSql;

import com.fasterxml.jackson.core.type.TypeReference;

import io.smallrye.mutiny.Uni;

/**
 * Every query of {@code recipe_import_row}: an import's rows, checked, staged a batch at a time with their errors,
 * then moved into the recipes in one statement.
 */
@ApplicationScoped
class ImportStaging {

    /** How many rows an import staged, and how many of them are valid. */
    record Counts(long rows, long valid) {
    }

    /** {@code rows}: a JSON array of {n, gtin, variant, effective_from, levels} or {n, gtin, variant, errors}. */
    Uni<Integer> stage(UUID importId, String rows) {
        return NativeSql.of("""
                INSERT INTO recipe_import_row (import_id, row_number, gtin, variant, effective_from, levels, errors)
                SELECT :id, r.n, left(r.gtin, 14), left(r.variant, 50), r.effective_from, r.levels, r.errors
                FROM jsonb_to_recordset(CAST(CAST(:rows AS text) AS jsonb))
                    AS r(n integer, gtin text, variant text, effective_from date, levels jsonb, errors jsonb)""")
            .with("id", importId).with("rows", rows).update();
    }

    /** A second row of the same GTIN and variant is an error of its own: one version per recipe and import. */
    Uni<Integer> markRepeats(UUID importId) {
        return NativeSql.of("""
                UPDATE recipe_import_row t
                SET errors = jsonb_build_object('variant', jsonb_build_array('The same gtin and variant as row '
                    || d.first))
                FROM (SELECT row_number, min(row_number) OVER (PARTITION BY gtin, variant) AS first
                      FROM recipe_import_row WHERE import_id = :id AND errors IS NULL) d
                WHERE t.import_id = :id AND t.row_number = d.row_number AND d.row_number <> d.first""")
            .with("id", importId).update();
    }

    Uni<Counts> counts(UUID importId) {
        return NativeSql.of("SELECT count(*), count(*) FILTER (WHERE errors IS NULL) FROM recipe_import_row"
                + " WHERE import_id = :id")
            .with("id", importId).single(row -> new Counts(row.getLong(0), row.getLong(1)));
    }

    /** Each valid row a new recipe or a new version of its GTIN and variant; answers how many were written. */
    Uni<Integer> writeValid(UUID importId, String user) {
        return NativeSql.of("""
                WITH staged AS (
                    SELECT gtin, variant, effective_from, levels FROM recipe_import_row
                    WHERE import_id = :id AND errors IS NULL),
                upserted AS (
                    INSERT INTO recipe (gtin, variant, current_version, deleted, created_at, updated_at)
                    SELECT gtin, variant, 1, false, now(), now() FROM staged
                    ON CONFLICT (gtin, variant) DO UPDATE SET current_version = recipe.current_version + 1,
                        deleted = false, updated_at = now()
                    RETURNING id, gtin, variant, current_version)
                INSERT INTO recipe_version (recipe_id, version, effective_from, levels, deleted, created_by, created_at)
                SELECT u.id, u.current_version, s.effective_from, s.levels, false, :user, now()
                FROM upserted u JOIN staged s ON s.gtin = u.gtin AND s.variant = u.variant""")
            .with("id", importId).with("user", user).update();
    }

    /** The GTINs the import wrote recipes for. */
    Uni<List<String>> validGtins(UUID importId) {
        return NativeSql.of("SELECT DISTINCT gtin FROM recipe_import_row WHERE import_id = :id AND errors IS NULL"
                + " ORDER BY gtin")
            .with("id", importId).column(String.class);
    }

    /**
     * A large load makes the planner's statistics stale until autovacuum comes by: a GTIN lookup would then scan the
     * table.
     */
    Uni<Integer> refreshStatistics() {
        return NativeSql.of("ANALYZE recipe, recipe_version").update();
    }

    /** The first {@code limit} invalid rows, in upload order. */
    Uni<List<ImportReport.RowError>> errors(UUID importId, int limit) {
        return NativeSql.of("SELECT row_number, gtin, variant, CAST(errors AS text) FROM recipe_import_row"
                + " WHERE import_id = :id AND errors IS NOT NULL ORDER BY row_number LIMIT :limit")
            .with("id", importId).with("limit", limit)
            .list(row -> new ImportReport.RowError(row.getInt(0), row.getString(1) == null ? null
                : row.getString(1).trim(), row.getString(2), EventCodec.read(row.getString(3),
                new TypeReference<Map<String, List<String>>>() { })));
    }

    /**
     * Removes the rows of every import that staged nothing for {@code age}: it was abandoned (its service killed
     * mid-upload). A running import stages a batch every few milliseconds, and its last one is never that old.
     */
    Uni<Integer> discardAbandoned(java.time.Duration age) {
        return NativeSql.of("""
                DELETE FROM recipe_import_row WHERE import_id IN (
                    SELECT import_id FROM recipe_import_row GROUP BY import_id
                    HAVING max(staged_at) < now() - make_interval(secs => :seconds))""")
            .with("seconds", (double) age.toSeconds()).update();
    }

    Uni<Integer> discard(UUID importId) {
        return NativeSql.of("DELETE FROM recipe_import_row WHERE import_id = :id").with("id", importId).update();
    }
}
