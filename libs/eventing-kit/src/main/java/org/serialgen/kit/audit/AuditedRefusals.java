package org.serialgen.kit.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.serialgen.kit.errors.ErrorBody;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Every write a caller was refused (a 4xx: invalid, forbidden, conflicting) or that failed (a 5xx) goes into the audit
 * trail too: who tried what, and the answer. Nothing was changed, so the entry is stored on its own. A caller without
 * a valid token is not recorded (there is no one to name, and a flood of anonymous calls must not grow the trail).
 */
public class AuditedRefusals {

    private static final Logger LOG = Logger.getLogger(AuditedRefusals.class);
    static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditTrail trail;

    AuditedRefusals(AuditTrail trail) {
        this.trail = trail;
    }

    @ServerResponseFilter
    public Uni<Void> afterWrite(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || !WRITES.contains(request.getMethod())) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", status);
        if (response.getEntity() instanceof ErrorBody body) {
            answer.put("error", body.error());
            if (body.code() != null) {
                answer.put("code", body.code());
            }
            answer.put("message", body.message());
        }
        String path = request.getUriInfo().getPath();
        AuditTrail.Change change = new AuditTrail.Change(request.getMethod() + " " + bounded(path, 70), "request",
            bounded(path, 200), answer);
        AuditTrail.Outcome outcome = status < 500 ? AuditTrail.Outcome.REFUSED : AuditTrail.Outcome.FAILED;
        Uni<Void> stored = trail.actor().flatMap(actor -> actor.roles().isEmpty() ? Uni.createFrom().voidItem()
                : trail.refused(actor, outcome, change))
            .onFailure().recoverWithItem(failure -> {
                // the answer stands whether or not the trail could take it (a 503 may mean the database is away)
                LOG.warnf("a refused write could not be audited: %s", failure.toString());
                return null;
            });
        if (io.vertx.core.Context.isOnWorkerThread()) {
            // a blocking endpoint (a streamed upload) answers from a worker: wait here, where waiting is allowed
            try {
                VertxContextSupport.subscribeAndAwait(() -> stored);
            } catch (Throwable failure) {
                LOG.warnf("a refused write could not be audited: %s", failure.toString());
            }
            return Uni.createFrom().voidItem();
        }
        return stored;
    }

    private static String bounded(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
