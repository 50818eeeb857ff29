package org.serialgen.erpsync.confirm;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.serialgen.erpsync.connector.Erp;
import org.serialgen.erpsync.connector.ErpFailure;
import org.serialgen.events.ErpConfirmed;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventEnvelope;
import org.serialgen.events.EventTypes;
import org.serialgen.events.Topics;
import org.serialgen.events.WorkOrderGeneration;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.kit.inbox.IdempotentConsumer;
import org.serialgen.kit.outbox.Outbox;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Serialization confirmations to the ERP: when an ERP work order's generation completes or fails (the work order's
 * state from generation-service), a confirmation is kept here, in the consuming transaction — an outbox towards the
 * ERP — and sent until the ERP acknowledges it, with growing waits between attempts. The acknowledgement is
 * announced ({@link Topics#ERP}), so the work order shows when the ERP confirmed it.
 */
@ApplicationScoped
public class Confirmations {

    private static final Logger LOG = Logger.getLogger(Confirmations.class);
    static final String CONSUMER = "erp-sync-service";
    static final int BATCH = 50;
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    static final List<String> ENDED = List.of("completed", "failed");

    private final IdempotentConsumer consumer;
    private final ConfirmationRepository confirmations;
    private final Erp erp;
    private final Outbox outbox;
    private final MeterRegistry registry;

    Confirmations(IdempotentConsumer consumer, ConfirmationRepository confirmations, Erp erp, Outbox outbox,
                  MeterRegistry registry) {
        this.consumer = consumer;
        this.confirmations = confirmations;
        this.erp = erp;
        this.outbox = outbox;
        this.registry = registry;
    }

    @Incoming("generation-in")
    public Uni<Void> onGeneration(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeEach(CONSUMER, batch,
            event -> EventTypes.WORKORDER_GENERATION.equals(event.eventType()),
            event -> keep(event, EventCodec.payload(event, WorkOrderGeneration.class)));
    }

    private Uni<Void> keep(EventEnvelope event, WorkOrderGeneration state) {
        boolean ended = ENDED.contains(state.serialGenerationStatus()) || ENDED.contains(state.ssccGenerationStatus());
        if (!WorkOrderSynced.ERP.equals(state.source()) || !ended || erp.connector().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event_id", event.eventId().toString());
        payload.put("wo_id", state.woId());
        payload.put("serial_generation_status", state.serialGenerationStatus());
        payload.put("sscc_generation_status", state.ssccGenerationStatus());
        payload.put("generated_serials", state.generatedSerials());
        payload.put("generated_sscc", state.generatedSscc());
        payload.put("completed_at", state.at().toString());
        return confirmations.keep(event.eventId(), state.woId(), EventCodec.write(payload), Instant.now())
            .replaceWithVoid();
    }

    /** Sends what is due; each confirmation in the transaction that claimed it, so two senders never send one twice. */
    @Scheduled(every = "${serialgen.erp.tick}", delayed = "${serialgen.erp.tick}",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sendDue() {
        if (erp.connector().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> confirmations.claimDue(BATCH).flatMap(due -> Multi.createFrom()
                .iterable(due).onItem().transformToUniAndConcatenate(this::send).collect().last()))
            .onFailure().invoke(e -> LOG.warnf("confirmations could not be sent now: %s", e.getMessage()))
            .onFailure().recoverWithNull()
            .replaceWithVoid();
    }

    private Uni<Void> send(Confirmation confirmation) {
        JsonNode payload = EventCodec.read(confirmation.payload, JsonNode.class);
        return erp.connector().orElseThrow().confirm(confirmation.woId, payload)
            .flatMap(acknowledged -> {
                confirmation.acknowledgedAt = Instant.now();
                confirmation.attempts += 1;
                confirmation.lastError = null;
                registry.counter("serialgen.erp.confirmations", "outcome", "acknowledged").increment();
                return outbox.publish(Topics.ERP, confirmation.woId, EventTypes.ERP_CONFIRMED,
                    new ErpConfirmed(confirmation.woId, confirmation.id, confirmation.acknowledgedAt))
                    .replaceWithVoid();
            })
            .onFailure(ErpFailure.class).recoverWithItem(failure -> {
                confirmation.attempts += 1;
                confirmation.lastError = ((ErpFailure) failure).kind().code() + ": " + failure.getMessage();
                Duration wait = Duration.ofSeconds(1L << Math.min(confirmation.attempts, 9));
                confirmation.nextAttemptAt = Instant.now().plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
                registry.counter("serialgen.erp.confirmations", "outcome", "retried").increment();
                return null;
            });
    }
}
