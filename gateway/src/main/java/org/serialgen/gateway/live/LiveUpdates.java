package org.serialgen.gateway.live;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventEnvelope;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * The generation events (tasks started, moving on, completed, failed; pools nearly exhausted) as they happen, for every open
 * live view. Each gateway replica reads the topic in a consumer group of its own from the newest event, so every
 * replica sees every event; a view that connects later reads the state over the API and follows from there.
 */
@ApplicationScoped
public class LiveUpdates {

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class);
    /** Events a slow viewer may fall behind by before its stream ends (it reconnects and reads the state again). */
    static final int VIEWER_BUFFER = 1_000;

    private final BroadcastProcessor<EventEnvelope> hub = BroadcastProcessor.create();

    @Incoming("generation-live")
    void onEvent(String value) {
        EventEnvelope envelope;
        try {
            envelope = EventCodec.readEnvelope(value);
        } catch (RuntimeException e) {
            LOG.warnf("live view: an event that is not an envelope was skipped: %s", e.getMessage());
            return;
        }
        hub.onNext(envelope);
    }

    /** Every event from now on, each viewer with a buffer of its own. */
    public Multi<EventEnvelope> events() {
        return hub.onOverflow().buffer(VIEWER_BUFFER);
    }
}
