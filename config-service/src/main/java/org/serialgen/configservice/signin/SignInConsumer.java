package org.serialgen.configservice.signin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventTypes;
import org.serialgen.events.SignIn;
import org.serialgen.kit.audit.AuditTrail;
import org.serialgen.kit.audit.AuditTrail.Actor;
import org.serialgen.kit.audit.AuditTrail.Outcome;
import org.serialgen.kit.inbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Keeps the gateway's sign-ins ({@code serialgen.auth.v1}) in this service's audit trail, since the gateway has no
 * database: {@code auth.sign_in_<outcome>} on entity {@code user}, by the user the sign-in named, with the address and
 * the gateway's request id. Redelivered events are recorded once ({@link IdempotentConsumer}); the order of entries is
 * the sign-ins' own time, kept in the change, as the trail's clock is the moment it arrived here.
 */
@ApplicationScoped
public class SignInConsumer {

    static final String CONSUMER = "config-service";

    private final IdempotentConsumer consumer;
    private final AuditTrail trail;

    SignInConsumer(IdempotentConsumer consumer, AuditTrail trail) {
        this.consumer = consumer;
        this.trail = trail;
    }

    @Incoming("auth-in")
    public Uni<Void> onSignIns(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeEach(CONSUMER, batch, event -> EventTypes.SIGN_IN.equals(event.eventType()),
            event -> record(EventCodec.payload(event, SignIn.class)));
    }

    Uni<Void> record(SignIn signIn) {
        String username = signIn.username() == null || signIn.username().isBlank() ? null : signIn.username();
        List<String> roles = signIn.roles() == null ? List.of() : signIn.roles();
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("outcome", signIn.outcome());
        change.put("address", signIn.address());
        change.put("at", signIn.at() == null ? null : signIn.at().toString());
        change.put("roles", roles);
        Actor actor = new Actor(username == null ? "anonymous" : username, roles, signIn.requestId());
        return trail.recordAs(actor, signIn.granted() ? Outcome.SUCCESS : Outcome.REFUSED,
            new AuditTrail.Change("auth.sign_in_" + outcome(signIn), "user", username, change));
    }

    /** The outcome as an action name; one this version does not know is kept, bounded, rather than dropped. */
    private static String outcome(SignIn signIn) {
        String outcome = signIn.outcome() == null ? "unknown" : signIn.outcome();
        return SignIn.OUTCOMES.contains(outcome) ? outcome : "other";
    }
}
