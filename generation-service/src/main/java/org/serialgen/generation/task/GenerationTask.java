package org.serialgen.generation.task;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One generate-serials or generate-sscc request (table {@code generation_task}). */
@Entity
@Table(name = "generation_task")
public class GenerationTask extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "workorder_id", nullable = false)
    public int workorderId;

    /** {@code serial} or {@code sscc}. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public long requested;

    @Column(nullable = false)
    public long generated;

    @Column(name = "force_regenerate", nullable = false)
    public boolean forceRegenerate;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** {@code builtin}, or the name of the external source that delivered the numbers; null until then. */
    @Column(name = "source")
    public String source;

    /** Set on the request that created the task, so that only that request starts its processing. */
    @Transient
    public boolean fresh;
}
