package org.serialgen.generation.pool;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A pool of counters (table {@code serial_pool}): per GTIN for serials, per company prefix and extension digit for
 * SSCC serial references. Counters {@code [0, issued)} are taken for good.
 */
@Entity
@Table(name = "serial_pool")
public class SerialPool extends PanacheEntityBase {

    public static final String SERIAL = "serial";
    public static final String SSCC = "sscc";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String kind;

    @Column(columnDefinition = "bpchar")
    public String gtin;

    @Column(name = "company_prefix")
    public String companyPrefix;

    @Column(name = "extension_digit")
    public Short extensionDigit;

    @Column(nullable = false)
    public String alphabet;

    @Column(name = "serial_length", nullable = false)
    public short serialLength;

    @Column(nullable = false)
    public String mode;

    @Column(nullable = false)
    public long capacity;

    @Column(nullable = false)
    public long issued;

    /** One past the highest counter an external value holds: allocations from here on skip nothing. */
    @Column(name = "reserved_below", nullable = false)
    public long reservedBelow;

    @Column(name = "key_id")
    public Long keyId;

    @Column(name = "warned_at")
    public Instant warnedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public long remaining() {
        return capacity - issued;
    }
}
