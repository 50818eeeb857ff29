package org.serialgen.erpsync.confirm;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A serialization confirmation for the ERP (table {@code erp_confirmation}), kept until the ERP acknowledges it;
 * {@code id} is the {@code event_id} the ERP receives, the same on every attempt.
 */
@Entity
@Table(name = "erp_confirmation")
public class Confirmation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "wo_id", nullable = false)
    public String woId;

    @ColumnTransformer(read = "CAST(payload AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "last_error")
    public String lastError;
}
