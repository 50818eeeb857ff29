package org.serialgen.aggregation.breakdown;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.serialgen.events.ConfigActivated;
import org.serialgen.events.EventCodec;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.kit.inbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Work orders (in batches) and configurations from Kafka, each applied at most once, to the breakdowns. */
@ApplicationScoped
public class BreakdownConsumer {

    static final String CONSUMER = "aggregation-service";

    private final IdempotentConsumer consumer;
    private final BreakdownService breakdowns;

    BreakdownConsumer(IdempotentConsumer consumer, BreakdownService breakdowns) {
        this.consumer = consumer;
        this.breakdowns = breakdowns;
    }

    @Incoming("workorders-in")
    public Uni<Void> onWorkOrders(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeAll(CONSUMER, batch,
            events -> breakdowns.applyWorkOrders(EventCodec.payloads(events, WorkOrderSynced.class)));
    }

    @Incoming("config-in")
    public Uni<Void> onConfig(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeEach(CONSUMER, batch,
            event -> breakdowns.applyConfig(EventCodec.payload(event, ConfigActivated.class)));
    }
}
