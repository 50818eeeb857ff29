package org.serialgen.generation.workorder;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.serialgen.events.AggregationComputed;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The newest SSCC demand aggregation-service computed for a work order (table {@code aggregation_demand}). */
@Entity
@Table(name = "aggregation_demand")
public class AggregationDemand extends PanacheEntityBase {

    @Id
    @Column(name = "wo_id")
    public String woId;

    @Column(nullable = false)
    public long revision;

    @Column(nullable = false)
    public long quantity;

    @Column(name = "sscc_count", nullable = false)
    public long ssccCount;

    @Column(name = "bundle_serial_count", nullable = false)
    public long bundleSerialCount;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Takes the demand of a newer breakdown. */
    void take(AggregationComputed computed, Instant at) {
        woId = computed.woId();
        revision = computed.revision();
        quantity = computed.quantity();
        ssccCount = computed.ssccCount();
        bundleSerialCount = computed.bundleSerialCount();
        receivedAt = at;
    }
}
