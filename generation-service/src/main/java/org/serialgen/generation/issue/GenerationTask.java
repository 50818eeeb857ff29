package org.serialgen.generation.issue;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.serialgen.generation.pool.Kind;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One generate-serials or generate-sscc request (table {@code generation_task}). */
@Entity
@Table(name = "generation_task")
public class GenerationTask extends PanacheEntityBase {

    /** The source name of numbers the service issued itself. */
    public static final String BUILTIN = "builtin";

    @Id
    public UUID id;

    @Column(name = "workorder_id", nullable = false)
    public int workorderId;

    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public TaskStatus status;

    @Column(nullable = false)
    public long requested;

    @Column(nullable = false)
    public long generated;

    @Column(name = "force_regenerate", nullable = false)
    public boolean forceRegenerate;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** What the request asked for ({@link IssueRequest#fingerprint}): a repeat of its key must ask the same. */
    @Column(name = "request_fingerprint")
    public String requestFingerprint;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** {@value #BUILTIN}, or the name of the external source that delivered the numbers; null until then. */
    @Column(name = "source")
    public String source;

    /** Set on the request that created the task, so that only that request starts its processing. */
    @Transient
    public boolean fresh;

    static GenerationTask open(int workOrderId, IssueRequest request, long quantity, TaskStatus status) {
        GenerationTask task = new GenerationTask();
        task.id = UUID.randomUUID();
        task.workorderId = workOrderId;
        task.kind = request.kind();
        task.status = status;
        task.requested = quantity;
        task.forceRegenerate = request.force();
        task.idempotencyKey = request.idempotencyKey();
        task.requestFingerprint = request.fingerprint();
        task.createdBy = request.user();
        task.createdAt = Instant.now();
        return task;
    }

    void complete(String deliveredBy, Instant at) {
        status = TaskStatus.COMPLETED;
        generated = requested;
        source = deliveredBy;
        completedAt = at;
    }

    void fail(String message, Instant at) {
        status = TaskStatus.FAILED;
        errorMessage = message;
        completedAt = at;
    }

    int progressPercent() {
        return (int) (100 * generated / requested);
    }
}
