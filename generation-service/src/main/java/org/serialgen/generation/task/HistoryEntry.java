package org.serialgen.generation.task;

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

/** A row of the spec's {@code serial_generation_history}. */
@Entity
@Table(name = "serial_generation_history")
public class HistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;

    @Column(name = "workorder_serial_generation_id")
    public Integer workorderId;

    /** {@code serial_generation} or {@code sscc_generation}. */
    @Column(name = "action_type", nullable = false)
    public String actionType;

    /** {@code started}, {@code completed} or {@code failed}. */
    @Column(name = "action_status", nullable = false)
    public String actionStatus;

    @Column(name = "requested_quantity")
    public Long requestedQuantity;

    @Column(name = "generated_quantity")
    public Long generatedQuantity;

    @ColumnTransformer(read = "CAST(error_details AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    @Column(name = "error_details")
    public String errorDetails;

    @Column(name = "execution_time_ms")
    public Integer executionTimeMs;

    @Column(name = "task_id")
    public UUID taskId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
