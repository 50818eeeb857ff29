package org.serialgen.erpsync.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An ERP record that failed the rules (table {@code erp_failed_record}), kept as it arrived with the reasons by field
 * (JSON), from a push (topic, partition, offset) or a pull (its run); open until retried or dismissed.
 */
@Entity
@Table(name = "erp_failed_record")
public class FailedRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "source_topic")
    public String sourceTopic;

    @Column(name = "source_partition")
    public Integer sourcePartition;

    @Column(name = "source_offset")
    public Long sourceOffset;

    @Column(name = "run_id")
    public UUID runId;

    @Column(name = "wo_id")
    public String woId;

    @Column(name = "raw_record", nullable = false)
    public String rawRecord;

    @ColumnTransformer(read = "CAST(reasons AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    @Column(nullable = false)
    public String reasons;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(nullable = false)
    public FailedRecordStatus status = FailedRecordStatus.OPEN;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    /** Why it was dismissed, or how a retry resolved it. */
    public String resolution;
}
