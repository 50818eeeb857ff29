package org.serialgen.generation.workorder;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.serialgen.events.AggregationComputed;
import org.serialgen.events.EventCodec;

import com.fasterxml.jackson.core.type.TypeReference;

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

    /** The breakdown's levels, as the event carried them (JSON): what SSCC labels print. */
    @Column(nullable = false)
    public String levels = "[]";

    /** The breakdown's levels, item first (none for a demand stored before levels were kept, or without one). */
    public static List<AggregationComputed.Level> levelsOf(AggregationDemand demand) {
        return demand == null ? List.of()
            : EventCodec.read(demand.levels, new TypeReference<List<AggregationComputed.Level>>() { });
    }

    /** Takes the demand of a newer breakdown. */
    void take(AggregationComputed computed, Instant at) {
        woId = computed.woId();
        revision = computed.revision();
        quantity = computed.quantity();
        ssccCount = computed.ssccCount();
        bundleSerialCount = computed.bundleSerialCount();
        levels = EventCodec.write(computed.levels() == null ? List.of() : computed.levels());
        receivedAt = at;
    }
}
