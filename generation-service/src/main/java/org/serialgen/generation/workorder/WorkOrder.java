package org.serialgen.generation.workorder;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;
import org.serialgen.generation.pool.Kind;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A work order and its generation state (table {@code workorder_serial_generation}): its content from the ERP or the
 * form, what it asks for and holds of each kind, and the last error. Written by {@link WorkOrders} and by issues,
 * always under its row lock.
 */
@Entity
@Table(name = "workorder_serial_generation")
@DynamicUpdate // an update writes only what changed: handlers and issues touch different columns
public class WorkOrder extends PanacheEntityBase {

    @Id
    // 50 ids per trip to the sequence, so a batch of work orders is inserted 50 to a statement (V8)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "workorder_ids")
    @SequenceGenerator(name = "workorder_ids", sequenceName = "workorder_serial_generation_id_seq", allocationSize = 50)
    public Integer id;

    @Column(name = "wo_id", nullable = false, unique = true)
    public String woId;

    @Column(name = "wo_name", nullable = false)
    public String woName;

    @Column(name = "wo_source", nullable = false)
    public Origin origin;

    @Column(nullable = false, columnDefinition = "bpchar")
    public String gtin;

    @Column(nullable = false)
    public String lot;

    @Column(nullable = false)
    public LocalDate expiry;

    @Column(nullable = false)
    public long quantity;

    @Embedded
    @AttributeOverride(name = "requested", column = @Column(name = "total_requested_serials"))
    @AttributeOverride(name = "generated", column = @Column(name = "generated_serials"))
    @AttributeOverride(name = "status", column = @Column(name = "serial_generation_status"))
    @AttributeOverride(name = "lastGenerationAt", column = @Column(name = "last_serial_generation_at"))
    @AttributeOverride(name = "decommissioned", column = @Column(name = "decommissioned_serials"))
    public Progress serials = new Progress();

    @Embedded
    @AttributeOverride(name = "requested", column = @Column(name = "total_requested_sscc"))
    @AttributeOverride(name = "generated", column = @Column(name = "generated_sscc"))
    @AttributeOverride(name = "status", column = @Column(name = "sscc_generation_status"))
    @AttributeOverride(name = "lastGenerationAt", column = @Column(name = "last_sscc_generation_at"))
    @AttributeOverride(name = "decommissioned", column = @Column(name = "decommissioned_sscc"))
    public Progress sscc = new Progress();

    /** The serial demand was given (an override or the form's serial quantity), not computed from the configuration. */
    @Column(name = "serials_fixed", nullable = false)
    public boolean serialsFixed;

    /** The ERP sent a work order of this wo_id while it is a manual one: what it sent, shown, never applied. */
    @Column(name = "erp_conflict")
    public String erpConflict;

    /** When the ERP acknowledged the serialization confirmation of this work order. */
    @Column(name = "erp_confirmed_at")
    public Instant erpConfirmedAt;

    /** Serials of the bundles' own GTINs (trade-item packaging levels above the item), from the breakdown. */
    @Embedded
    @AttributeOverride(name = "requested", column = @Column(name = "total_requested_bundle_serials"))
    @AttributeOverride(name = "generated", column = @Column(name = "generated_bundle_serials"))
    @AttributeOverride(name = "status", column = @Column(name = "bundle_serial_generation_status"))
    @AttributeOverride(name = "lastGenerationAt", column = @Column(name = "last_bundle_serial_generation_at"))
    @AttributeOverride(name = "decommissioned", column = @Column(name = "decommissioned_bundle_serials"))
    public Progress bundles = new Progress();

    @Column(name = "error_message")
    public String errorMessage;

    /** The revision of the content: the ERP's, or the form's own count of saves. */
    @Column(name = "erp_revision", nullable = false)
    public long revision;

    /** The configuration version the serial demand was computed with. */
    @Column(name = "config_version")
    public Long configVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Progress progress(Kind kind) {
        return switch (kind) {
            case SERIAL -> serials;
            case SSCC -> sscc;
            case BUNDLE -> bundles;
        };
    }

    /** No kind has started: the content and the demands may still change. */
    public boolean untouched() {
        return serials.pending() && sscc.pending() && bundles.pending();
    }

    /** A task of the kind waits for an external source; the work order takes no other task of the kind meanwhile. */
    public void awaitNumbers(Kind kind, Instant at) {
        progress(kind).await();
        updatedAt = at;
    }

    /** A task of the kind delivered {@code quantity} numbers ({@code replacing}: what was held is void now). */
    public void receive(Kind kind, long quantity, boolean replacing, Instant at) {
        progress(kind).receive(quantity, replacing, at);
        updatedAt = at;
    }

    /** A task of the kind failed for good. */
    public void fail(Kind kind, String message, Instant at) {
        progress(kind).fail();
        errorMessage = message;
        updatedAt = at;
    }
}
