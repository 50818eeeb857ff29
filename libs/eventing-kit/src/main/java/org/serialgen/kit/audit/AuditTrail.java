package org.serialgen.kit.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.serialgen.events.EventCodec;
import org.serialgen.kit.persistence.NativeSql;
import org.serialgen.kit.request.RequestIds;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The one way a service writes its audit trail (NFR-004): who (the token's subject and roles), when, what (action,
 * entity, its id and the change), under which request id, and with what outcome. A successful write is recorded in
 * the transaction of the change, beside it — it commits with the change or not at all; outside a transaction
 * {@link #record} refuses, as the outbox does. A refused write changed nothing, so its entry is stored on its own
 * ({@link #refused}). The table only grows: its triggers refuse every UPDATE, DELETE and TRUNCATE.
 */
@ApplicationScoped
public class AuditTrail {

    public enum Outcome {
        SUCCESS, REFUSED, FAILED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Who did it. Work no request started (a schedule, a consumed event) is the suite's own: {@link #SYSTEM}. */
    public record Actor(String name, List<String> roles, String requestId) {
        public static final String SYSTEM = "system";
    }

    /** The change a write made; {@code detail} is written as JSON (a summary for bulk writes, never their bulk). */
    public record Change(String action, String entityType, String entityId, Object detail) {
    }

    /** The largest change stored as written; a larger one is stored as its size (the entity's own tables hold it). */
    static final int MAX_DETAIL_CHARS = 16 * 1024;

    private final String service;
    private final CurrentIdentityAssociation identities;
    private final CurrentVertxRequest request;

    AuditTrail(@ConfigProperty(name = "quarkus.application.name") String service,
               CurrentIdentityAssociation identities, CurrentVertxRequest request) {
        this.service = service;
        this.identities = identities;
        this.request = request;
    }

    /** Records a successful write in the caller's transaction. */
    public Uni<Void> record(String action, String entityType, String entityId, Object detail) {
        return recordAll(List.of(new Change(action, entityType, entityId, detail)));
    }

    /** Records the writes of one transaction, in one statement. */
    public Uni<Void> recordAll(List<Change> changes) {
        return inTransaction(() -> changes.isEmpty() ? Uni.createFrom().voidItem()
            : actor().flatMap(actor -> store(actor, Outcome.SUCCESS, changes)));
    }

    /**
     * Records, in the caller's transaction, what another part of the suite saw an actor do: a sign-in at the
     * gateway, which keeps no database of its own, arrives as an event and is kept here with the actor it names.
     */
    public Uni<Void> recordAs(Actor actor, Outcome outcome, Change change) {
        return inTransaction(() -> store(actor, outcome, List.of(change)));
    }

    private static Uni<Void> inTransaction(java.util.function.Supplier<Uni<Void>> write) {
        return Panache.currentTransaction().flatMap(transaction -> {
            if (transaction == null) {
                throw new IllegalStateException("a write is audited in its own transaction: call the audit trail "
                    + "inside Panache.withTransaction");
            }
            return write.get();
        });
    }

    /** Records a write that was refused or failed (and so changed nothing), in a transaction of its own. */
    public Uni<Void> refused(Actor actor, Outcome outcome, Change change) {
        return Panache.withTransaction(() -> store(actor, outcome, List.of(change)));
    }

    /**
     * The caller of the HTTP request being served (its identity was established before the endpoint ran), or
     * {@link Actor#SYSTEM} where none is: a schedule, a consumed event, start-up.
     */
    public Uni<Actor> actor() {
        RoutingContext current = Arc.container().requestContext().isActive() ? request.getCurrent() : null;
        if (current == null) {
            return Uni.createFrom().item(new Actor(Actor.SYSTEM, List.of(), null));
        }
        String requestId = current.request().getHeader(RequestIds.HEADER);
        return identities.getDeferredIdentity().map(identity -> identity == null || identity.isAnonymous()
            ? new Actor("anonymous", List.of(), requestId)
            : new Actor(identity.getPrincipal().getName(), identity.getRoles().stream().sorted().toList(),
                requestId));
    }

    private Uni<Void> store(Actor actor, Outcome outcome, List<Change> changes) {
        List<Map<String, Object>> rows = changes.stream().map(change -> {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("entry_id", UUID.randomUUID().toString());
            row.put("action", change.action());
            row.put("entity_type", change.entityType());
            // a user name is the caller's text: kept to the column's size, as the actor is
            row.put("entity_id", change.entityId() == null ? null : bounded(change.entityId(), 200));
            row.put("change", detail(change.detail()));
            return row;
        }).toList();
        return NativeSql.of("""
                INSERT INTO audit_entry (entry_id, service, actor, roles, action, entity_type, entity_id, outcome,
                                         change, request_id)
                SELECT r.entry_id, :service, :actor, :roles, r.action, r.entity_type, r.entity_id, :outcome,
                       CAST(r.change AS jsonb), :request_id
                FROM jsonb_to_recordset(CAST(CAST(:rows AS text) AS jsonb))
                    AS r(entry_id uuid, action text, entity_type text, entity_id text, change text)""")
            .with("service", service)
            .with("actor", bounded(actor.name(), 200))
            .with("roles", bounded(String.join(",", actor.roles()), 200))
            .with("outcome", outcome.code())
            .with("request_id", actor.requestId() == null ? null : bounded(actor.requestId(), 100))
            .with("rows", EventCodec.write(rows))
            .update().replaceWithVoid();
    }

    static String detail(Object detail) {
        if (detail == null) {
            return null;
        }
        String json = EventCodec.write(detail);
        return json.length() <= MAX_DETAIL_CHARS ? json
            : EventCodec.write(Map.of("truncated", true, "size", json.length()));
    }

    private static String bounded(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
