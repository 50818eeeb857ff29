package org.serialgen.gateway.auth;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventTypes;
import org.serialgen.events.SignIn;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * Every sign-in and refresh, granted or not, is logged, counted ({@code serialgen.logins{outcome}}) and sent to
 * {@code serialgen.auth.v1}, from which config-service writes it into its audit trail. The gateway keeps no database,
 * so there is no outbox here: the event is sent after the answer is decided and a sign-in never waits for the broker
 * (a broker that is down must not lock every user out). What the broker did not take is logged and counted
 * ({@code serialgen.logins.unrecorded}); the log line above it stays the record of that sign-in.
 */
@ApplicationScoped
public class SignIns {

    private static final Logger LOG = Logger.getLogger(SignIns.class);

    private final Emitter<Record<String, String>> events;
    private final MeterRegistry registry;

    SignIns(@Channel("auth-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            Emitter<Record<String, String>> events, MeterRegistry registry) {
        this.events = events;
        this.registry = registry;
    }

    /** Counts the sign-in and sends it for the audit trail; {@code roles} are those granted (none if refused). */
    public void record(String outcome, String username, List<String> roles, String address, String requestId) {
        registry.counter("serialgen.logins", "outcome", outcome).increment();
        SignIn signIn = new SignIn(username, outcome, roles, address, requestId, Instant.now());
        String envelope = EventCodec.write(EventCodec.envelope(EventTypes.SIGN_IN, signIn));
        try {
            events.send(Record.of(username, envelope)).whenComplete((ok, failure) -> {
                if (failure != null) {
                    unrecorded(signIn, failure);
                }
            });
        } catch (RuntimeException full) { // the buffer is full while the broker is away
            unrecorded(signIn, full);
        }
    }

    private void unrecorded(SignIn signIn, Throwable why) {
        registry.counter("serialgen.logins.unrecorded").increment();
        LOG.warnf("sign-in not sent to the audit trail (user=%s outcome=%s request_id=%s): %s", signIn.username(),
            signIn.outcome(), signIn.requestId(), why.getMessage());
    }
}
