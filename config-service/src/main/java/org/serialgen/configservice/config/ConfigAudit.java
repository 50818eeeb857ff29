package org.serialgen.configservice.config;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The audit entry ({@code config_update}) of one saved version: who, when, how, and what changed. */
@Entity
@Table(name = "config_audit")
public class ConfigAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "action_type", nullable = false)
    public String actionType = "config_update";

    @Column(nullable = false)
    public String action;

    @Column(nullable = false, unique = true)
    public long version;

    @Column(name = "previous_version")
    public Long previousVersion;

    @Column(name = "restored_from")
    public Long restoredFrom;

    @Convert(converter = JsonColumns.Changes.class)
    @ColumnTransformer(read = "CAST(changes AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    @Column(nullable = false)
    public List<ConfigChange> changes;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
