package org.serialgen.aggregation.breakdown;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Every query of the work orders' stored breakdowns. */
@ApplicationScoped
public class WorkOrderPackagingRepository implements PanacheRepositoryBase<WorkOrderPackaging, String> {

    /** The stored breakdowns of these work orders, locked, in wo_id order (as every batch takes them). */
    Uni<List<WorkOrderPackaging>> locked(Collection<String> woIds) {
        return find("woId in ?1 order by woId", woIds).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The work orders of these GTINs, locked, in wo_id order. */
    Uni<List<WorkOrderPackaging>> lockedOfGtins(List<String> gtins) {
        return find("gtin in ?1 order by woId", gtins).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The next {@code size} work orders after {@code after} in wo_id order, locked. */
    Uni<List<WorkOrderPackaging>> lockedPageAfter(String after, int size) {
        return find("woId > ?1 order by woId", after).withLock(LockModeType.PESSIMISTIC_WRITE).page(0, size).list();
    }

    Uni<List<WorkOrderPackaging>> all() {
        return listAll();
    }
}
