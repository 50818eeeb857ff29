package org.serialgen.aggregation.recipe;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.serialgen.aggregation.breakdown.BreakdownService;
import org.serialgen.kit.audit.AuditTrail;
import org.serialgen.kit.errors.ApiException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;

/**
 * Bulk import of recipes, streamed: rows are read and checked as they arrive, staged a thousand at a time with their
 * errors, and finally moved into the recipes in one transaction — all of them or, in skip_invalid mode, the valid
 * ones — together with the recomputed breakdowns of their GTINs' work orders. Nothing of the upload is held in memory
 * beyond one batch, so 100 000 recipes import in one request.
 */
@ApplicationScoped
public class RecipeImport {

    public static final String ALL_OR_NOTHING = "all_or_nothing";
    public static final String SKIP_INVALID = "skip_invalid";
    static final int BATCH = 1_000;
    static final int MAX_ERRORS = 1_000;
    static final int ANALYZE_FROM = 10_000;
    private static final Logger LOG = Logger.getLogger(RecipeImport.class);

    private final RecipeUpload upload;
    private final ImportStaging staging;
    private final BreakdownService breakdowns;
    private final ObjectMapper json;
    private final AuditTrail audit;
    private final java.time.Duration abandonedAfter;

    RecipeImport(RecipeUpload upload, ImportStaging staging, BreakdownService breakdowns, ObjectMapper json,
                 AuditTrail audit,
                 @ConfigProperty(name = "serialgen.recipes.staging-abandoned-after") java.time.Duration abandonedAfter) {
        this.audit = audit;
        this.abandonedAfter = abandonedAfter;
        this.upload = upload;
        this.staging = staging;
        this.breakdowns = breakdowns;
        this.json = json;
    }

    /**
     * Imports the upload: its rows are read and checked on worker threads as they arrive (it is a blocking stream),
     * staged a batch at a time on {@code context} (the request's, where its database sessions live), then written.
     * The staged rows are removed whatever happens.
     */
    public Uni<ImportReport> run(InputStream body, boolean csv, String mode, String user, Context context) {
        UUID importId = UUID.randomUUID();
        AtomicInteger rows = new AtomicInteger();
        return Multi.createFrom().iterable(() -> csv ? RecipeUpload.csvRows(body) : upload.jsonRows(body))
            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
            .map(row -> staged(rows.incrementAndGet(), row))
            .group().intoLists().of(BATCH)
            .emitOn(command -> context.runOnContext(ignored -> command.run()))
            .onItem().transformToUniAndConcatenate(batch -> Panache.withTransaction(() ->
                staging.stage(importId, json.createArrayNode().addAll(batch).toString())))
            .collect().last()
            .flatMap(ignored -> {
                if (rows.get() == 0) {
                    throw ApiException.Validation.of("body", "No recipe in the upload");
                }
                return Panache.withTransaction(() -> finish(importId, mode, user));
            })
            .onTermination().call(() -> Panache.withTransaction(() -> staging.discard(importId)));
    }

    /**
     * An import ends by removing its staged rows, whatever happens to it, unless its service dies first: those rows
     * would stay for good. They are swept here once no batch has joined them for
     * {@code serialgen.recipes.staging-abandoned-after}; every replica may sweep, the DELETE is the same for all.
     */
    @Scheduled(every = "${serialgen.recipes.staging-sweep-interval}",
        delayed = "${serialgen.recipes.staging-sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweepAbandonedStaging() {
        return Panache.withTransaction(() -> staging.discardAbandoned(abandonedAfter))
            .invoke(swept -> {
                if (swept > 0) {
                    LOG.infof("swept %d staged rows of abandoned recipe imports", swept);
                }
            })
            .onFailure().invoke(e -> LOG.warnf("sweeping abandoned recipe imports failed, the next sweep retries: %s",
                e.getMessage()))
            .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Repeats marked, the valid rows written if the mode allows, their breakdowns recomputed; the report. */
    private Uni<ImportReport> finish(UUID importId, String mode, String user) {
        return staging.markRepeats(importId)
            .flatMap(ignored -> staging.counts(importId))
            .flatMap(counts -> write(importId, counts, mode, user)
                .flatMap(imported -> staging.errors(importId, MAX_ERRORS + 1).map(errors -> new ImportReport(importId,
                    mode, counts.rows(), counts.valid(), counts.rows() - counts.valid(), imported,
                    errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors,
                    errors.size() > MAX_ERRORS))))
            .call(report -> report.imported() == 0 ? Uni.createFrom().voidItem() : audited(report));
    }

    /** An import that wrote recipes, in the audit trail: its counts (the recipes' versions name the import's user). */
    private Uni<Void> audited(ImportReport report) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("mode", report.mode());
        change.put("rows", report.rows());
        change.put("valid", report.valid());
        change.put("invalid", report.invalid());
        change.put("imported", report.imported());
        return audit.record("recipe.import", "recipe_import", report.importId().toString(), change);
    }

    private Uni<Integer> write(UUID importId, ImportStaging.Counts counts, String mode, String user) {
        boolean write = counts.valid() > 0 && (SKIP_INVALID.equals(mode) || counts.valid() == counts.rows());
        if (!write) {
            return Uni.createFrom().item(0);
        }
        return staging.writeValid(importId, user)
            .call(written -> staging.validGtins(importId).flatMap(breakdowns::recomputeGtins))
            .call(written -> written < ANALYZE_FROM ? Uni.createFrom().voidItem() : staging.refreshStatistics());
    }

    /** A row as staged: checked and canonical, or with every problem found, by field. */
    private ObjectNode staged(int number, RecipeUpload.Row row) {
        Map<String, List<String>> errors = new LinkedHashMap<>(row.problems());
        RecipeRules.Checked checked = row.recipe() == null ? null : RecipeRules.check(row.recipe(), errors);
        ObjectNode node = json.createObjectNode().put("n", number);
        if (checked != null && errors.isEmpty()) {
            return node.put("gtin", checked.gtin()).put("variant", checked.variant())
                .put("effective_from", checked.effectiveFrom().toString())
                .set("levels", json.valueToTree(checked.levels()));
        }
        RecipeRequest recipe = row.recipe();
        return node.put("gtin", recipe == null ? null : recipe.gtin())
            .put("variant", recipe == null ? null : recipe.variant())
            .set("errors", json.valueToTree(errors));
    }
}
