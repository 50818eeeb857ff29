package org.serialgen.erpsync.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.events.EventCodec;
import org.serialgen.kit.audit.AuditTrail;
import org.serialgen.kit.paging.PageRequest;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * The audit of what people do here, written in the transaction of the change; never changed afterwards. Each action
 * is in the suite's audit trail too, where it is read beside every other service's writes.
 */
@ApplicationScoped
public class ErpActions implements PanacheRepository<ErpAction> {

    private final AuditTrail trail;

    ErpActions(AuditTrail trail) {
        this.trail = trail;
    }

    public static final String SYNC_REQUESTED = "sync_requested";
    public static final String OVERRIDE_SET = "override_set";
    public static final String OVERRIDE_LIFTED = "override_lifted";
    public static final String OVERRIDE_FORCED_AWAY = "override_lifted_by_force_update";
    public static final String FAILED_RECORD_RETRIED = "failed_record_retried";
    public static final String FAILED_RECORD_DISMISSED = "failed_record_dismissed";

    /** A page of the audit, newest first, and how many entries it has. */
    public record Found(long count, List<ErpAction> rows) {
    }

    public Uni<ErpAction> record(String action, String woId, String target, String actor, String reason,
                                 Map<String, ?> details) {
        ErpAction entry = new ErpAction();
        entry.action = action;
        entry.woId = woId;
        entry.target = target;
        entry.actor = actor;
        entry.reason = reason;
        entry.details = details == null ? null : EventCodec.write(details);
        entry.at = Instant.now();
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("wo_id", woId);
        change.put("reason", reason);
        change.put("details", details);
        return persist(entry).call(() -> trail.record("erp." + action, entityType(action), target != null ? target
            : woId, change));
    }

    /** What an action is about: a sync run, a failed record, or (overrides) an ERP work order. */
    private static String entityType(String action) {
        return action.equals(SYNC_REQUESTED) ? "erp_sync"
            : action.startsWith("failed_record") ? "erp_failed_record" : "erp_workorder";
    }

    public Uni<Found> page(String woId, PageRequest page) {
        var query = woId == null ? findAll(Sort.descending("id")) : find("woId", Sort.descending("id"), woId);
        return query.count().flatMap(count -> query.page(page.index(), page.size()).list()
            .map(rows -> new Found(count, rows)));
    }
}
