package org.serialgen.generation.workorder;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import org.serialgen.kit.errors.ApiException;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** A work order and its generation state (table {@code workorder_serial_generation}). */
@Entity
@Table(name = "workorder_serial_generation")
@DynamicUpdate // an update writes only what changed: handlers and issues touch different columns
public class WorkOrder extends PanacheEntityBase {

    public static final String PENDING = "pending";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;

    @Column(name = "wo_id", nullable = false, unique = true)
    public String woId;

    @Column(name = "wo_name", nullable = false)
    public String woName;

    /** {@code erp} or {@code manual}. */
    @Column(name = "wo_source", nullable = false)
    public String woSource;

    @Column(nullable = false, columnDefinition = "bpchar")
    public String gtin;

    @Column(nullable = false)
    public String lot;

    @Column(nullable = false)
    public LocalDate expiry;

    @Column(nullable = false)
    public long quantity;

    @Column(name = "total_requested_serials", nullable = false)
    public long totalRequestedSerials;

    @Column(name = "total_requested_sscc", nullable = false)
    public long totalRequestedSscc;

    /** Serials of the bundles' own GTINs (trade-item packaging levels), from the aggregation breakdown. */
    @Column(name = "total_requested_bundle_serials", nullable = false)
    public long totalRequestedBundleSerials;

    @Column(name = "generated_serials", nullable = false)
    public long generatedSerials;

    @Column(name = "generated_sscc", nullable = false)
    public long generatedSscc;

    @Column(name = "sscc_generation_status", nullable = false)
    public String ssccGenerationStatus = PENDING;

    @Column(name = "serial_generation_status", nullable = false)
    public String serialGenerationStatus = PENDING;

    @Column(name = "last_sscc_generation_at")
    public Instant lastSsccGenerationAt;

    @Column(name = "last_serial_generation_at")
    public Instant lastSerialGenerationAt;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "erp_revision", nullable = false)
    public long erpRevision;

    /** The configuration version {@link #totalRequestedSerials} was computed with. */
    @Column(name = "config_version")
    public Long configVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * The work order with this numeric id, or else with this wo_id (a numeric wo_id is found too); optionally locked
     * FOR UPDATE. Fails with 404 WO_NOT_FOUND.
     */
    public static Uni<WorkOrder> byIdOrWoId(String key, LockModeType lock) {
        Uni<WorkOrder> byWoId = WorkOrder.<WorkOrder>find("woId", key).withLock(lock).<WorkOrder>firstResult();
        Uni<WorkOrder> found = !key.matches("\\d{1,9}") ? byWoId
            : WorkOrder.<WorkOrder>findById(Integer.valueOf(key), lock)
                .flatMap(wo -> wo != null ? Uni.createFrom().item(wo) : byWoId);
        return found.onItem().ifNull().failWith(() -> new ApiException.NotFound("WO_NOT_FOUND", "Work order not found"));
    }
}
