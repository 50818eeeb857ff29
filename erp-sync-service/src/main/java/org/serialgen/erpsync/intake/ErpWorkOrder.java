package org.serialgen.erpsync.intake;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A work order from the ERP (table {@code erp_workorder}): what was forwarded to the suite (the ERP's values, or an
 * override of them) with its revision, and beside it what the ERP itself last said ({@code erpValues}, its
 * {@code changed_at}).
 */
@Entity
@Table(name = "erp_workorder")
public class ErpWorkOrder extends PanacheEntityBase {

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

    /** Forwarded only when an override fixes it; null: the configuration computes the serials. */
    @Column(name = "serial_quantity")
    public Long serialQuantity;

    /** Grows by one with each changed version forwarded. */
    @Column(nullable = false)
    public long revision;

    /** Of what was forwarded: a repeat of the same content forwards nothing. */
    @Column(name = "content_hash", nullable = false, columnDefinition = "bpchar")
    public String contentHash;

    /** The ERP's own last record, cleansed, as JSON. */
    @ColumnTransformer(read = "CAST(erp_values AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    @Column(name = "erp_values")
    public String erpValues;

    /** When the ERP says its last pulled record changed: an older one arriving later changes nothing. */
    @Column(name = "erp_changed_at")
    public Instant erpChangedAt;

    @Column(name = "first_synced_at", nullable = false)
    public Instant firstSyncedAt;

    @Column(name = "last_synced_at", nullable = false)
    public Instant lastSyncedAt;
}
