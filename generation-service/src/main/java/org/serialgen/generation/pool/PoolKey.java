package org.serialgen.generation.pool;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A pool's FF1 key, sealed under the master key (table {@code pool_key}). */
@Entity
@Table(name = "pool_key")
public class PoolKey extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "encrypted_key", nullable = false)
    public byte[] encryptedKey;

    @Column(name = "master_key_id", nullable = false)
    public String masterKeyId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
