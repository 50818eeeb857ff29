package org.serialgen.generation.issue;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.serialgen.generation.pool.Kind;

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

    @Column(name = "action_type", nullable = false)
    public HistoryAction actionType;

    @Column(name = "action_status", nullable = false)
    public HistoryAction.Status actionStatus;

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

    /** Numbers the work order returned unused: how many, by whom, and (details) why. */
    static HistoryEntry decommissioning(int workOrderId, Kind kind, long count, String details, String user,
                                        Instant at) {
        HistoryEntry entry = new HistoryEntry();
        entry.workorderId = workOrderId;
        entry.actionType = HistoryAction.decommissioningOf(kind);
        entry.actionStatus = HistoryAction.Status.COMPLETED;
        entry.requestedQuantity = count;
        entry.generatedQuantity = count;
        entry.errorDetails = details;
        entry.createdAt = at;
        entry.createdBy = user;
        return entry;
    }

    /** A step of a task: its start, or its end with the time it took and (errorDetails) what failed on the way. */
    static HistoryEntry of(GenerationTask task, HistoryAction.Status status, Integer elapsedMs, String errorDetails,
                           Instant at) {
        HistoryEntry entry = new HistoryEntry();
        entry.workorderId = task.workorderId;
        entry.actionType = HistoryAction.generationOf(task.kind);
        entry.actionStatus = status;
        entry.requestedQuantity = task.requested;
        entry.generatedQuantity = status == HistoryAction.Status.COMPLETED ? task.generated : null;
        entry.executionTimeMs = elapsedMs;
        entry.errorDetails = errorDetails;
        entry.taskId = task.id;
        entry.createdAt = at;
        entry.createdBy = task.createdBy;
        return entry;
    }
}
