package org.serialgen.erpsync.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.events.EventCodec;
import org.serialgen.kit.paging.PageRequest;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The audit of what people do here, written in the transaction of the change; never changed afterwards. */
@ApplicationScoped
public class ErpActions implements PanacheRepository<ErpAction> {

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
        return persist(entry);
    }

    public Uni<Found> page(String woId, PageRequest page) {
        var query = woId == null ? findAll(Sort.descending("id")) : find("woId", Sort.descending("id"), woId);
        return query.count().flatMap(count -> query.page(page.index(), page.size()).list()
            .map(rows -> new Found(count, rows)));
    }
}
