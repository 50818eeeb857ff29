package org.serialgen.kit.configreplica;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The one row of {@code replicated_config}: the newest {@link org.serialgen.events.ConfigActivated} as JSON. */
@Entity
@Table(name = "replicated_config")
public class ReplicatedConfig extends PanacheEntityBase {

    static final short ROW = 1;

    @Id
    public Short id;

    @Column(nullable = false)
    public long version;

    @ColumnTransformer(read = "CAST(document AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    @Column(nullable = false)
    public String document;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;
}
