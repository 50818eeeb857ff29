package org.serialgen.generation.workorder;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.serialgen.generation.pool.Kind;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.errors.Refused;

/**
 * How far a work order's generation of one kind has come: how many it asks for, how many it holds, its status and
 * when it last received some. A work order has two, for its serials and its SSCCs.
 */
@Embeddable
public class Progress {

    /** What the work order asks for: serials from the quantity and the configuration, SSCCs from aggregation. */
    @Column(nullable = false)
    public long requested;

    @Column(nullable = false)
    public long generated;

    @Column(nullable = false)
    public GenerationStatus status = GenerationStatus.PENDING;

    public Instant lastGenerationAt;

    /** Of the generated, how many were returned unused (decommissioned): no longer held, never issued again. */
    @Column(nullable = false)
    public long decommissioned;

    public boolean pending() {
        return status == GenerationStatus.PENDING;
    }

    /**
     * How many a generate request issues: {@code asked}, or else what the work order still needs. A completed work
     * order is generated again only when forced (what it held is voided, so it needs its whole demand again), and
     * more than it asks for needs an explicit override.
     */
    public long quantityToIssue(Kind kind, Long asked, boolean force, boolean override) {
        long held = force ? 0 : generated;
        if (status == GenerationStatus.COMPLETED && !force && !(override && asked != null)) {
            throw new Refused("ALREADY_GENERATED", "The work order's " + kind.plural() + " are generated; send "
                + "force_regenerate to void them and issue new ones");
        }
        if (asked == null) {
            if (requested - held <= 0) {
                throw new Refused("NOTHING_REQUESTED", "The work order requests no more " + kind.plural()
                    + "; send a quantity");
            }
            return requested - held;
        }
        if (held + asked > requested && !override) {
            throw ApiException.Validation.of("quantity", "The work order asks for " + requested + " " + kind.plural()
                + " (" + held + " held); set override_config to issue more");
        }
        return asked;
    }

    /** A task is waiting for its numbers (from an external source). */
    void await() {
        status = GenerationStatus.IN_PROGRESS;
    }

    /** {@code quantity} more were issued ({@code replacing}: instead of what was held, which is void now). */
    void receive(long quantity, boolean replacing, Instant at) {
        generated = (replacing ? 0 : generated) + quantity;
        decommissioned = replacing ? 0 : decommissioned;
        status = generated >= requested ? GenerationStatus.COMPLETED : GenerationStatus.IN_PROGRESS;
        lastGenerationAt = at;
    }

    /** {@code quantity} of those held were returned unused. */
    public void decommission(long quantity) {
        decommissioned += quantity;
    }

    void fail() {
        status = GenerationStatus.FAILED;
    }
}
