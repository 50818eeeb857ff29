package org.serialgen.generation.pool;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.serialgen.gs1.SerialAlphabet;
import org.serialgen.gs1.SerialMode;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A pool of counters (table {@code serial_pool}): per GTIN for serials, per company prefix and extension digit for
 * SSCC serial references. Counters {@code [0, issued)} are taken for good; a pool keeps the format it was created
 * with, since another format would map the same counters to other strings.
 */
@Entity
@Table(name = "serial_pool")
public class SerialPool extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Kind kind;

    @Column(columnDefinition = "bpchar")
    public String gtin;

    @Column(name = "company_prefix")
    public String companyPrefix;

    @Column(name = "extension_digit")
    public Short extensionDigit;

    @Column(nullable = false)
    public SerialAlphabet alphabet;

    @Column(name = "serial_length", nullable = false)
    public short serialLength;

    @Column(nullable = false)
    public SerialMode mode;

    /** How many counters may ever be issued: for randomised serials 1/10 000 of the format's space (EU FMD). */
    @Column(nullable = false)
    public long capacity;

    /** The high-water mark: counters below it are taken. */
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

    /** "GTIN …" or "company prefix … (extension …)", for messages. */
    public String describe() {
        return kind == Kind.SERIAL ? "GTIN " + gtin
            : "company prefix " + companyPrefix + " (extension " + extensionDigit + ")";
    }

    /** Issued share of the capacity, in percent with four decimals. */
    public java.math.BigDecimal usagePercent() {
        return java.math.BigDecimal.valueOf(issued).multiply(java.math.BigDecimal.valueOf(100))
            .divide(java.math.BigDecimal.valueOf(capacity), 4, java.math.RoundingMode.HALF_UP);
    }
}
