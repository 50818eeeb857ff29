package org.serialgen.aggregation.breakdown;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A work order's quantity and its current breakdown (table {@code workorder_packaging}); levels as JSON. */
@Entity
@Table(name = "workorder_packaging")
public class WorkOrderPackaging extends PanacheEntityBase {

    @Id
    @Column(name = "wo_id")
    public String woId;

    @Column(nullable = false, columnDefinition = "bpchar")
    public String gtin;

    @Column(nullable = false)
    public long quantity;

    @Column(name = "wo_revision", nullable = false)
    public long woRevision;

    @Column(name = "breakdown_revision", nullable = false)
    public long breakdownRevision;

    @Column(name = "rules_source")
    public String rulesSource;

    @ColumnTransformer(read = "CAST(levels AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    public String levels;

    @Column(name = "sscc_count")
    public Long ssccCount;

    @Column(name = "bundle_serial_count")
    public Long bundleSerialCount;

    @Column(name = "computed_at")
    public Instant computedAt;
}
