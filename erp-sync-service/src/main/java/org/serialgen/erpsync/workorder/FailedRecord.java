package org.serialgen.erpsync.workorder;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An ERP record that failed validation (table {@code erp_failed_record}); {@code reasons} is JSON: field → problems. */
@Entity
@Table(name = "erp_failed_record")
public class FailedRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "source_topic", nullable = false)
    public String sourceTopic;

    @Column(name = "source_partition", nullable = false)
    public int sourcePartition;

    @Column(name = "source_offset", nullable = false)
    public long sourceOffset;

    @Column(name = "wo_id")
    public String woId;

    @Column(name = "raw_record", nullable = false)
    public String rawRecord;

    @ColumnTransformer(read = "CAST(reasons AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    @Column(nullable = false)
    public String reasons;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
