package org.serialgen.aggregation.recipe;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.serialgen.aggregation.breakdown.LevelsInEffect;
import org.serialgen.aggregation.breakdown.PackagingBreakdown.Step;
import org.serialgen.events.EventCodec;
import org.serialgen.kit.paging.PageRequest;
import org.serialgen.kit.persistence.NativeSql;
import org.serialgen.kit.persistence.Row;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Every query of recipes and their versions, and the choice of the recipe in effect for a GTIN on a day. */
@ApplicationScoped
public class RecipeRepository implements PanacheRepositoryBase<Recipe, Long>, LevelsInEffect {

    /** The variant that wins where a GTIN has several recipes in effect. */
    public static final String DEFAULT_VARIANT = "default";

    /** Recipes at their current version. */
    private static final String CURRENT = """
        SELECT r.id, r.gtin, r.variant, v.version, v.effective_from, CAST(v.levels AS text), v.deleted, v.created_by,
               v.created_at
        FROM recipe r JOIN recipe_version v ON v.recipe_id = r.id AND v.version = r.current_version""";

    /** What the recipe list selects: deleted ones or the others, a GTIN, a variant, text in GTIN or variant. */
    record Filter(boolean deleted, String gtin, String variant, String search) {
    }

    /** A page of recipes at their current version, and how many match in all. */
    record Found(long count, List<RecipeView> rows) {
    }

    Uni<Recipe> lockedByGtinAndVariant(String gtin, String variant) {
        return find("gtin = ?1 and variant = ?2", gtin, variant).withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResult();
    }

    Uni<Recipe> locked(long id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    Uni<RecipeVersion> version(long recipeId, int version) {
        return RecipeVersion.find("recipeId = ?1 and version = ?2", recipeId, version).firstResult();
    }

    /** A page of a recipe's versions, newest first, and how many it has. */
    record Versions(long count, List<RecipeVersion> rows) {
    }

    Uni<Versions> versions(long recipeId, PageRequest page) {
        var query = RecipeVersion.<RecipeVersion>find("recipeId = ?1 order by version desc", recipeId);
        return query.count().flatMap(total -> query.page(page.index(), page.size()).list()
            .map(rows -> new Versions(total, rows)));
    }

    /** The recipe at its current version, if it exists. */
    Uni<Optional<RecipeView>> current(long id) {
        return NativeSql.of(CURRENT + " WHERE r.id = :id").with("id", id).list(RecipeRepository::view)
            .map(rows -> rows.stream().findFirst());
    }

    Uni<Found> page(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE r.deleted = :deleted");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("deleted", filter.deleted());
        if (filter.gtin() != null) {
            where.append(" AND r.gtin = :gtin");
            params.put("gtin", filter.gtin());
        }
        if (filter.variant() != null) {
            where.append(" AND r.variant = :variant");
            params.put("variant", filter.variant());
        }
        if (filter.search() != null) {
            where.append(" AND (r.gtin LIKE :search OR r.variant ILIKE :search)");
            params.put("search", "%" + filter.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%");
        }
        NativeSql count = NativeSql.of("SELECT count(*) FROM recipe r" + where);
        NativeSql rows = NativeSql.of(CURRENT + where + " ORDER BY r.id LIMIT :limit OFFSET :offset")
            .with("limit", page.size()).with("offset", (long) page.index() * page.size());
        params.forEach((name, value) -> {
            count.with(name, value);
            rows.with(name, value);
        });
        return count.single(row -> row.getLong(0))
            .flatMap(total -> rows.list(RecipeRepository::view).map(found -> new Found(total, found)));
    }

    /** The next {@code size} recipes (not deleted) after id {@code after}, at their current version. */
    Uni<List<RecipeView>> currentAfter(long after, int size) {
        return NativeSql.of(CURRENT + " WHERE NOT r.deleted AND r.id > :after ORDER BY r.id LIMIT :size")
            .with("after", after).with("size", size).list(RecipeRepository::view);
    }

    /**
     * The recipe versions in effect for these GTINs on a day: of each GTIN's recipes, the newest version effective by
     * then (none if that version deleted it); of several recipes, variant {@value #DEFAULT_VARIANT}, else the one that
     * took effect last, then the first variant by name. One query for a whole batch of work orders.
     */
    @Override
    public Uni<Map<String, Levels>> forGtins(Collection<String> gtins, LocalDate day) {
        if (gtins.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return NativeSql.of("""
                SELECT DISTINCT ON (r.gtin) r.gtin, r.id, v.version, CAST(v.levels AS text)
                FROM recipe r
                -- per recipe, its newest version in effect: a walk down the primary key, whatever the statistics say
                CROSS JOIN LATERAL (
                    SELECT version, deleted, effective_from, levels FROM recipe_version
                    WHERE recipe_id = r.id AND effective_from <= :day
                    ORDER BY version DESC LIMIT 1) v
                WHERE r.gtin = ANY (SELECT CAST(g AS bpchar)
                                    FROM jsonb_array_elements_text(CAST(CAST(:gtins AS text) AS jsonb)) AS g)
                  AND NOT v.deleted
                ORDER BY r.gtin, r.variant = :default DESC, v.effective_from DESC, r.variant""")
            .with("gtins", EventCodec.write(gtins)).with("day", day).with("default", DEFAULT_VARIANT)
            .list(row -> Map.entry(row.getString(0), new Levels("recipe:" + row.getLong(1) + ":v" + row.getInt(2),
                steps(levels(row.getString(3))))))
            .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    static List<Step> steps(List<RecipeLevel> levels) {
        return levels.stream().map(l -> new Step(l.name(), l.childrenPerParent() == null ? 0 : l.childrenPerParent(),
            l.identifiedBy(), l.gtin())).toList();
    }

    static List<RecipeLevel> levels(String json) {
        return EventCodec.read(json, new TypeReference<List<RecipeLevel>>() { });
    }

    private static RecipeView view(Row r) {
        return new RecipeView(r.getLong(0), r.getString(1), r.getString(2), r.getInt(3), r.getDate(4),
            levels(r.getString(5)), r.getBoolean(6), r.getString(7), r.getInstant(8));
    }
}
