package org.serialgen.kit.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventCodec.MalformedEventException;
import org.serialgen.events.EventEnvelope;
import org.serialgen.kit.context.Pages;
import org.serialgen.kit.outage.DatabaseOutage;
import org.serialgen.kit.persistence.NativeSql;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Applies each event at most once per consumer. Events arrive in batches (the channel has {@code batch=true}): the ids
 * of a batch go into {@code consumed_event} in one statement, in the same transaction as the handler's changes, and
 * the handler sees only the events whose ids were new; a redelivered event finds its id there and changes nothing.
 * One transaction per batch is what lets a burst of 10 000 work orders cross a service in seconds.
 *
 * <p>Failures: a record that is not an event goes to the channel's dead-letter topic on its own, the rest of its batch
 * is applied. While the database is away ({@link DatabaseOutage}) a batch waits for it, retried with backoff for as
 * long as it takes: an event is never dead-lettered for an outage. A batch that keeps failing otherwise (one event the
 * handler cannot apply) is retried a few times, then applied event by event, so only an event that fails on its own
 * goes to the dead-letter topic.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration LAST_BACKOFF = Duration.ofSeconds(5);
    private static final int BATCH_RETRIES = 3;
    private static final int EVENT_RETRIES = 5;

    /**
     * Records acknowledged, per consumer: the Kafka client's own fetch counters start again with every client the
     * connector makes (after a broker outage), this one lasts as long as the service.
     */
    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @jakarta.inject.Inject
    Tracer tracer;

    /** A batch's events, in the order they came, handed to {@code handler} at once (the new ones only). */
    public Uni<Void> consumeAll(String consumer, KafkaRecordBatch<String, String> batch,
                                Function<List<EventEnvelope>, Uni<Void>> handler) {
        return consumeAll(consumer, batch, event -> true, handler);
    }

    /**
     * Like {@link #consumeAll(String, KafkaRecordBatch, Function)}, for a consumer that acts on some of a topic's
     * events only: the others are acknowledged unrecorded (applying them twice changes nothing, since they are never
     * applied), which spares a row per event the consumer has no use for.
     */
    public Uni<Void> consumeAll(String consumer, KafkaRecordBatch<String, String> batch,
                                Predicate<EventEnvelope> relevant, Function<List<EventEnvelope>, Uni<Void>> handler) {
        Map<KafkaRecord<String, String>, EventEnvelope> readable = new LinkedHashMap<>();
        List<Uni<Void>> deadLetters = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                EventEnvelope event = EventCodec.readEnvelope(record.getPayload());
                if (relevant.test(event)) {
                    readable.put(record, event);
                }
            } catch (MalformedEventException e) {
                LOG.errorf("%s: dropping unreadable event to the dead-letter topic: %s", consumer, e.getMessage());
                deadLetters.add(Uni.createFrom().completionStage(() -> record.nack(e)));
            }
        }
        List<EventEnvelope> events = List.copyOf(readable.values());
        // the message's context: a retry or the next event after a dead letter must run there, not on the thread
        // (a scheduler's, the Kafka producer's) that completed the step before it
        Context context = Vertx.currentContext();
        Span span = ConsumeSpans.of(tracer, consumer, readable);
        return Pages.on(context, () -> ConsumeSpans.within(span, () -> applyOnce(consumer, events, handler)))
            .onFailure(DatabaseOutage::is).retry().withBackOff(FIRST_BACKOFF, LAST_BACKOFF).indefinitely()
            .onFailure().retry().withBackOff(FIRST_BACKOFF, LAST_BACKOFF).atMost(BATCH_RETRIES)
            .onFailure().recoverWithUni(e -> {
                LOG.warnf("%s: a batch of %d events failed (%s); applying them one by one", consumer, events.size(),
                    e.getMessage());
                return ConsumeSpans.within(span, () -> oneByOne(consumer, readable, handler, context));
            })
            .flatMap(applied -> deadLetters.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(deadLetters).andCollectFailures().replaceWithVoid())
            // an acknowledgement that fails (the broker away) must not end the channel: the events are applied and
            // recorded, so the batch coming again is dropped, and the next batch's offsets cover this one's
            .flatMap(ignored -> Uni.createFrom().completionStage(batch::ack)
                .onFailure().invoke(e -> LOG.warnf("%s: a batch was applied but not acknowledged (%s); it may come"
                    + " again and be dropped", consumer, e.getMessage()))
                .onFailure().recoverWithNull())
            .invoke(() -> registry.counter("serialgen.events.consumed", "consumer", consumer)
                .increment(batch.getRecords().size()))
            .eventually(() -> span.end());
    }

    /** Like {@link #consumeAll}, for handlers of one event at a time: the batch's new events in turn, one transaction. */
    public Uni<Void> consumeEach(String consumer, KafkaRecordBatch<String, String> batch,
                                 Function<EventEnvelope, Uni<Void>> handler) {
        return consumeEach(consumer, batch, event -> true, handler);
    }

    /** {@link #consumeEach(String, KafkaRecordBatch, Function)} of the relevant events only. */
    public Uni<Void> consumeEach(String consumer, KafkaRecordBatch<String, String> batch,
                                 Predicate<EventEnvelope> relevant, Function<EventEnvelope, Uni<Void>> handler) {
        return consumeAll(consumer, batch, relevant, events -> Multi.createFrom().iterable(events)
            .onItem().transformToUniAndConcatenate(event -> handler.apply(event))
            .collect().last().replaceWithVoid());
    }

    /** Each event in a transaction of its own; one that still fails after retries goes to the dead-letter topic. */
    private Uni<Void> oneByOne(String consumer, Map<KafkaRecord<String, String>, EventEnvelope> readable,
                               Function<List<EventEnvelope>, Uni<Void>> handler, Context context) {
        return Multi.createFrom().iterable(readable.entrySet()).onItem().transformToUniAndConcatenate(entry ->
                Pages.on(context, () -> applyOnce(consumer, List.of(entry.getValue()), handler))
                    .onFailure(DatabaseOutage::is).retry().withBackOff(FIRST_BACKOFF, LAST_BACKOFF).indefinitely()
                    .onFailure().retry().withBackOff(FIRST_BACKOFF, LAST_BACKOFF).atMost(EVENT_RETRIES)
                    .onFailure().recoverWithUni(e -> {
                        LOG.errorf("%s: event %s (%s) failed after retries, to the dead-letter topic: %s", consumer,
                            entry.getValue().eventId(), entry.getValue().eventType(), e.getMessage());
                        return Uni.createFrom().completionStage(() -> entry.getKey().nack(e));
                    }))
            .collect().last().replaceWithVoid();
    }

    /** Records the ids and hands the new events to the handler, in one transaction. */
    private static Uni<Void> applyOnce(String consumer, List<EventEnvelope> events,
                                       Function<List<EventEnvelope>, Uni<Void>> handler) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map<String, String>> rows = events.stream().map(event -> Map.of("event_id", event.eventId().toString(),
            "event_type", event.eventType())).toList();
        return Panache.withTransaction(() -> NativeSql.of("""
                    INSERT INTO consumed_event (event_id, consumer, event_type)
                    SELECT r.event_id, :consumer, r.event_type
                    FROM jsonb_to_recordset(CAST(CAST(:rows AS text) AS jsonb)) AS r(event_id uuid, event_type text)
                    ON CONFLICT DO NOTHING
                    RETURNING event_id""")
                .with("consumer", consumer).with("rows", EventCodec.write(rows)).column(UUID.class)
            .flatMap(inserted -> {
                Set<UUID> fresh = new HashSet<>(inserted);
                // an event twice in one batch is inserted once; the first copy is applied
                List<EventEnvelope> toApply = new ArrayList<>(fresh.size());
                for (EventEnvelope event : events) {
                    if (fresh.remove(event.eventId())) {
                        toApply.add(event);
                    }
                }
                return toApply.isEmpty() ? Uni.createFrom().voidItem() : handler.apply(toApply);
            }));
    }
}
