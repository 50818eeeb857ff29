package org.serialgen.erpsync.workorder;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The last valid version of a work order from the ERP (table {@code erp_workorder}). */
@Entity
@Table(name = "erp_workorder")
public class ErpWorkOrderEntity extends PanacheEntityBase {

    @Id
    @Column(name = "wo_id")
    public String woId;

    @Column(name = "wo_name", nullable = false)
    public String woName;

    @Column(nullable = false, columnDefinition = "bpchar")
    public String gtin;

    @Column(nullable = false)
    public String lot;

    @Column(nullable = false)
    public LocalDate expiry;

    @Column(nullable = false)
    public long quantity;

    @Column(nullable = false)
    public long revision;

    @Column(name = "content_hash", nullable = false, columnDefinition = "bpchar")
    public String contentHash;

    @Column(name = "first_synced_at", nullable = false)
    public Instant firstSyncedAt;

    @Column(name = "last_synced_at", nullable = false)
    public Instant lastSyncedAt;
}
