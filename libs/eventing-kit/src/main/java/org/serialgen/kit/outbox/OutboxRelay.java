package org.serialgen.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.serialgen.kit.persistence.NativeSql;
import org.serialgen.kit.request.RequestIds;
import org.serialgen.kit.tracing.Traces;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends stored events to Kafka and marks them sent, in one transaction per batch. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several replicas relay side by side without sending a row twice at once. A crash
 * after the send and before the commit sends the batch again: delivery is at least once, and every consumer drops
 * repeats by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    static final String RELAY_JOB = "outbox-relay";

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2 * BATCH)
    MutinyEmitter<String> emitter;

    @Inject
    MeterRegistry registry;

    @Inject
    Tracer tracer;

    /** Events not yet sent, and the age of the oldest in seconds, as last measured: what an outbox-lag alert reads. */
    private final java.util.concurrent.atomic.AtomicLong pending = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong oldestAgeSeconds = new java.util.concurrent.atomic.AtomicLong();

    @jakarta.annotation.PostConstruct
    void gauges() {
        registry.gauge("serialgen.outbox.pending", pending);
        registry.gauge("serialgen.outbox.oldest.age.seconds", oldestAgeSeconds);
    }

    /**
     * Measured apart from the relay (one indexed count), so the backlog shows when the relay cannot send — the broker
     * away — which is when it matters.
     */
    @Scheduled(every = "${serialgen.outbox.measure-interval}", delayed = "${serialgen.outbox.start-delay}",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> measure() {
        return Panache.withSession(() -> NativeSql.of("SELECT count(*), COALESCE(CAST(EXTRACT(EPOCH FROM now()"
                    + " - min(created_at)) AS bigint), 0) FROM outbox_event WHERE published_at IS NULL")
                .single(row -> {
                    pending.set(row.getLong(0));
                    oldestAgeSeconds.set(row.getLong(1));
                    return row;
                }))
            .onFailure().invoke(e -> LOG.debugf("outbox not measured: %s", e.getMessage()))
            .onFailure().recoverWithNull()
            .replaceWithVoid();
    }

    /** A stored event to send, with the trace and request it was made in (null when none). */
    record Pending(long id, String topic, String key, String eventType, String envelope, String traceParent,
                   String requestId) {
    }

    /**
     * Starts a few seconds after boot (the emitter's channel is wired only once messaging has started). A full batch
     * is followed by the next at once, so a burst drains at the broker's pace, not the poll interval's.
     */
    @Scheduled(identity = RELAY_JOB, every = "${serialgen.outbox.poll-interval}",
        delayed = "${serialgen.outbox.start-delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return Panache.withTransaction(() -> NativeSql.of("SELECT id, topic, message_key, event_type, envelope, trace_parent,"
                    + " request_id FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT " + BATCH
                    + " FOR UPDATE SKIP LOCKED")
                .list(row -> new Pending(row.getLong(0), row.getString(1), row.getString(2), row.getString(3),
                    row.getString(4), row.getString(5), row.getString(6)))
                .call(this::send))
            .flatMap(batch -> batch.size() == BATCH ? relay() : Uni.createFrom().voidItem())
            .onFailure().invoke(e -> LOG.warnf("outbox relay failed, will retry: %s", e.getMessage()))
            .onFailure().recoverWithNull()
            .replaceWithVoid();
    }

    /** Sends the batch, then marks it sent in one statement (in the transaction that claimed it). */
    private Uni<Void> send(List<Pending> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> sends = batch.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast()
            .flatMap(sent -> NativeSql.of("UPDATE outbox_event SET published_at = now() WHERE id IN (:ids)")
                .with("ids", batch.stream().map(Pending::id).toList()).update())
            .invoke(marked -> registry.counter("serialgen.outbox.published").increment(batch.size()))
            .replaceWithVoid();
    }

    /**
     * An event made in a trace is sent in a producer span of that trace (how long it waited in the outbox shows as
     * the gap before it), whose {@code traceparent} goes with the record; its request id goes as {@code X-Request-Id}.
     */
    private Uni<Void> send(Pending row) {
        RecordHeaders headers = new RecordHeaders();
        if (row.requestId() != null) {
            headers.add(RequestIds.HEADER, row.requestId().getBytes(StandardCharsets.UTF_8));
        }
        Span span = row.traceParent() == null ? Span.getInvalid() : tracer.spanBuilder(row.topic() + " publish")
            .setParent(Traces.continuing(row.traceParent()))
            .setSpanKind(SpanKind.PRODUCER)
            .setAttribute("messaging.system", "kafka")
            .setAttribute("messaging.destination.name", row.topic())
            .setAttribute(Traces.EVENT_TYPE, row.eventType())
            .startSpan();
        if (row.requestId() != null) {
            span.setAttribute(Traces.REQUEST_ID, row.requestId());
        }
        if (row.key() != null) {
            span.setAttribute("messaging.kafka.message.key", row.key());
        }
        String traceParent = Traces.traceParentOf(Context.root().with(span));
        if (traceParent != null) {
            headers.add(Traces.TRACE_PARENT, traceParent.getBytes(StandardCharsets.UTF_8));
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
            .withTopic(row.topic()).withKey(row.key()).withHeaders(headers).build();
        return emitter.sendMessage(Message.of(row.envelope()).addMetadata(metadata))
            .onFailure().invoke(e -> span.setStatus(StatusCode.ERROR, e.getMessage()))
            .eventually(() -> span.end());
    }

    /** Sent rows are kept a week for inspection, then removed so the table stays small. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeSent() {
        return Panache.withTransaction(() -> OutboxEvent.delete(
            "publishedAt < ?1", Instant.now().minusSeconds(7 * 24 * 3600))).replaceWithVoid();
    }
}
