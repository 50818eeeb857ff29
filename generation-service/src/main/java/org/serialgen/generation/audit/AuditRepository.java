package org.serialgen.generation.audit;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.kit.persistence.NativeSql;

import io.smallrye.mutiny.Uni;

/** The audit's checks that SQL answers at once, over every pool, allocation and external value. */
@ApplicationScoped
class AuditRepository {

    /** What the tables say about uniqueness; every count but the first three should be zero. */
    record Counts(long pools, long allocations, long counters, long overlapping, long beyond, long differing,
                  long external, long externalRepeated, long externalInside) {

        boolean ok() {
            return overlapping == 0 && beyond == 0 && differing == 0 && externalRepeated == 0 && externalInside == 0;
        }
    }

    Uni<Counts> counts() {
        return NativeSql.of("""
            SELECT (SELECT count(*) FROM serial_pool),
                   (SELECT count(*) FROM serial_allocation),
                   (SELECT coalesce(sum(upper(counters) - lower(counters)), 0) FROM serial_allocation),
                   (SELECT count(*) FROM serial_allocation a JOIN serial_allocation b
                       ON a.pool_id = b.pool_id AND a.id < b.id AND a.counters && b.counters),
                   (SELECT count(*) FROM serial_allocation a JOIN serial_pool p ON p.id = a.pool_id
                       WHERE upper(a.counters) > p.issued),
                   (SELECT count(*) FROM serial_pool p WHERE p.issued <> (SELECT coalesce(sum(upper(a.counters)
                       - lower(a.counters)), 0) FROM serial_allocation a WHERE a.pool_id = p.id)
                       + (SELECT count(*) FROM external_serial e WHERE e.pool_id = p.id AND e.counter < p.issued)),
                   (SELECT count(*) FROM external_serial),
                   (SELECT count(*) FROM (SELECT 1 FROM external_serial GROUP BY pool_id, value
                       HAVING count(*) > 1) repeated),
                   (SELECT count(*) FROM external_serial e JOIN serial_allocation a
                       ON a.pool_id = e.pool_id AND a.counters @> e.counter)
            """).single(r -> new Counts(r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4),
            r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8)));
    }
}
