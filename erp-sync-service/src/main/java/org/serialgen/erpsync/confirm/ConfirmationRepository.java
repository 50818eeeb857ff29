package org.serialgen.erpsync.confirm;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.kit.persistence.NativeSql;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Every query of confirmations. */
@ApplicationScoped
public class ConfirmationRepository implements PanacheRepositoryBase<Confirmation, UUID> {

    /** Where a work order's confirmations stand: the last acknowledgement, and how many wait. */
    public record State(Instant acknowledgedAt, long pending) {
    }

    /** Keeps a confirmation once (a redelivered event changes nothing). */
    Uni<Integer> keep(UUID id, String woId, String payload, Instant at) {
        return NativeSql.of("INSERT INTO erp_confirmation (id, wo_id, payload, created_at, attempts, next_attempt_at)"
                + " VALUES (:id, :wo, CAST(CAST(:payload AS text) AS jsonb), :at, 0, :at) ON CONFLICT DO NOTHING")
            .with("id", id).with("wo", woId).with("payload", payload).with("at", at).update();
    }

    /** Up to {@code limit} confirmations due now, locked; another replica's sender skips them. */
    Uni<List<Confirmation>> claimDue(int limit) {
        return getSession().flatMap(session -> session.createNativeQuery("SELECT id, wo_id, CAST(payload AS text)"
                + " AS payload, created_at, attempts, next_attempt_at, acknowledged_at, last_error FROM erp_confirmation"
                + " WHERE acknowledged_at IS NULL AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT "
                + limit + " FOR UPDATE SKIP LOCKED", Confirmation.class).getResultList());
    }

    public Uni<State> stateOf(String woId) {
        return NativeSql.of("SELECT max(acknowledged_at), count(*) FILTER (WHERE acknowledged_at IS NULL)"
                + " FROM erp_confirmation WHERE wo_id = :wo")
            .with("wo", woId).single(row -> new State(row.getInstant(0), row.getLong(1)));
    }
}
