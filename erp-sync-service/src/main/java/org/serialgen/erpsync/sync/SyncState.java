package org.serialgen.erpsync.sync;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * The pull's state, one row (table {@code erp_sync_state}): the high-water mark (the newest {@code changed_at}
 * stored), the schedule, the lease that lets one run at a time across replicas, the ERP's last health answer.
 */
@Entity
@Table(name = "erp_sync_state")
public class SyncState extends PanacheEntityBase {

    static final short ROW = 1;

    @Id
    public Short id;

    @Column(name = "high_water_mark")
    public Instant highWaterMark;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "last_run_id")
    public UUID lastRunId;

    @Column(name = "next_scheduled_at")
    public Instant nextScheduledAt;

    @Column(name = "lease_holder")
    public String leaseHolder;

    @Column(name = "lease_run_id")
    public UUID leaseRunId;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    @Column(name = "health_status")
    public String healthStatus;

    @Column(name = "health_checked_at")
    public Instant healthCheckedAt;

    @Column(name = "health_error")
    public String healthError;

    /** A run holds the lease and has renewed it in time. */
    boolean leased(Instant now) {
        return leaseRunId != null && leaseExpiresAt != null && leaseExpiresAt.isAfter(now);
    }
}
