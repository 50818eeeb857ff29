package org.serialgen.generation.issue;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.events.ConfigActivated;
import org.serialgen.generation.pool.AllocationRepository;
import org.serialgen.generation.pool.Kind;
import org.serialgen.generation.source.ExternalSources;
import org.serialgen.generation.workorder.AggregationDemand;
import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.generation.workorder.WorkOrders;
import org.serialgen.kit.audit.AuditTrail;
import org.serialgen.kit.configreplica.ConfigReplica;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.errors.Refused;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The generate use case: serials, SSCCs or bundle serials for a work order, in one transaction with the work order locked. A repeat
 * of a request (same Idempotency-Key) answers the task the first one created. Without an enabled external source the
 * built-in pool issues at once; with one, the task waits and the sources are called after the commit.
 */
@ApplicationScoped
public class Issuing {

    /** Values an external source answers in one request at most: they are held in memory until stored. */
    static final long MAX_EXTERNAL_QUANTITY = 1_000_000;

    private final WorkOrders workOrders;
    private final TaskRepository tasks;
    private final IssueLedger ledger;
    private final ExternalTasks externalTasks;
    private final ConfigReplica replica;
    private final AllocationRepository allocations;
    private final AuditTrail audit;

    Issuing(WorkOrders workOrders, TaskRepository tasks, IssueLedger ledger, ExternalTasks externalTasks,
            ConfigReplica replica, AllocationRepository allocations, AuditTrail audit) {
        this.allocations = allocations;
        this.audit = audit;
        this.workOrders = workOrders;
        this.tasks = tasks;
        this.ledger = ledger;
        this.externalTasks = externalTasks;
        this.replica = replica;
    }

    public Uni<GenerationTask> generate(String workOrderKey, Kind kind, GenerateRequest body, String idempotencyKey,
                                        String user) {
        IssueRequest request = IssueRequest.of(kind, body, idempotencyKey, user);
        return Panache.withTransaction(() -> workOrders.lockedForIssue(workOrderKey)
                .flatMap(wo -> repeated(wo, request)
                    .flatMap(earlier -> earlier != null ? Uni.createFrom().item(earlier)
                        : begin(wo, request).call(task -> audited(wo, task)))))
            // after the commit: the external sources are called outside any transaction
            .invoke(task -> {
                if (task.fresh && task.status == TaskStatus.IN_PROGRESS) {
                    externalTasks.start(task.id);
                }
            });
    }

    /** A new task in the audit trail (a repeat of a request is not a new write). */
    private Uni<Void> audited(WorkOrder wo, GenerationTask task) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("task_id", task.id.toString());
        change.put("kind", task.kind.code());
        change.put("requested", task.requested);
        change.put("generated", task.generated);
        change.put("status", task.status.code());
        change.put("force_regenerate", task.forceRegenerate);
        change.put("source", task.source);
        change.put("idempotency_key", task.idempotencyKey);
        return audit.record("issue." + task.kind.code(), "workorder", wo.woId, change);
    }

    private Uni<GenerationTask> repeated(WorkOrder wo, IssueRequest request) {
        return request.idempotencyKey() == null ? Uni.createFrom().nullItem()
            : tasks.byIdempotencyKey(wo.id, request.kind(), request.idempotencyKey()).invoke(earlier -> {
                if (earlier != null && earlier.requestFingerprint != null
                    && !earlier.requestFingerprint.equals(request.fingerprint())) {
                    throw new ApiException.Unprocessable("IDEMPOTENCY_KEY_REUSED", "Idempotency-Key "
                        + request.idempotencyKey() + " was sent with another request (" + earlier.requestFingerprint
                        + "): a repeat must ask for the same, a new request needs a new key");
                }
            });
    }

    private Uni<GenerationTask> begin(WorkOrder wo, IssueRequest request) {
        if (request.kind() == Kind.BUNDLE) {
            return beginBundles(wo, request);
        }
        long quantity = wo.progress(request.kind()).quantityToIssue(request.kind(), request.quantity(),
            request.force(), request.override());
        return replica.current().flatMap(config -> {
            if (config == null) {
                throw new Refused("CONFIG_NOT_AVAILABLE", "No configuration has reached generation-service yet");
            }
            // an SGTIN's EPC URN (and so its EPCIS event) needs the company prefix: refused before anything is taken
            if (request.kind() == Kind.SERIAL && config.config().prefixOf(wo.gtin).isEmpty()) {
                throw new Refused("GTIN_PREFIX_UNKNOWN", "No configured GS1 company prefix covers GTIN " + wo.gtin
                    + ": add its prefix to gs1_company_prefixes before issuing serials");
            }
            if (!ExternalSources.enabled(config.config(), request.kind()).isEmpty()) {
                return awaitSources(wo, request, quantity);
            }
            return issueBuiltin(wo, request, quantity, config);
        });
    }

    /**
     * Bundle serials, from the built-in pools of the bundles' GTINs (external sources are configured for the items'
     * serials and the SSCCs); the plan comes from the breakdown's levels, so a work order without one needs none.
     */
    private Uni<GenerationTask> beginBundles(WorkOrder wo, IssueRequest request) {
        return workOrders.demand(wo.woId).flatMap(demand -> allocations.issuedPerGtin(wo.id, Kind.BUNDLE)
            .flatMap(issued -> replica.current().flatMap(config -> {
                if (config == null) {
                    throw new Refused("CONFIG_NOT_AVAILABLE", "No configuration has reached generation-service yet");
                }
                BundlePlan plan = BundlePlan.of(wo.bundles, BundlePlan.needs(wo.gtin,
                    AggregationDemand.levelsOf(demand)), issued, request);
                for (String gtin : plan.perGtin().keySet()) {
                    if (config.config().prefixOf(gtin).isEmpty()) {
                        throw new Refused("GTIN_PREFIX_UNKNOWN", "No configured GS1 company prefix covers bundle GTIN "
                            + gtin + ": add its prefix to gs1_company_prefixes before issuing bundle serials");
                    }
                }
                if (!Boolean.TRUE.equals(config.config().builtinSerialGenerator())) {
                    throw new Refused("NO_SERIAL_SOURCE", "Bundle serials come from the built-in generator, which is "
                        + "switched off in the configuration");
                }
                return ledger.issueBundles(wo, request, plan, config);
            })));
    }

    private Uni<GenerationTask> awaitSources(WorkOrder wo, IssueRequest request, long quantity) {
        if (quantity > MAX_EXTERNAL_QUANTITY) {
            throw ApiException.Validation.of("quantity", "External sources deliver at most " + MAX_EXTERNAL_QUANTITY
                + " per request");
        }
        return ledger.await(wo, request, quantity);
    }

    private Uni<GenerationTask> issueBuiltin(WorkOrder wo, IssueRequest request, long quantity,
                                             ConfigActivated config) {
        if (request.kind() == Kind.SERIAL && !Boolean.TRUE.equals(config.config().builtinSerialGenerator())) {
            throw new Refused("NO_SERIAL_SOURCE", "No serial source is enabled and the built-in generator is "
                + "switched off in the configuration");
        }
        return ledger.issue(wo, request, quantity, config);
    }
}
