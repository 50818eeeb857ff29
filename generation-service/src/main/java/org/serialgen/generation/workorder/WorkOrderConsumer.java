package org.serialgen.generation.workorder;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.serialgen.events.AggregationComputed;
import org.serialgen.events.ConfigActivated;
import org.serialgen.events.ErpConfirmed;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventTypes;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.kit.inbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Keeps work orders in step with their sources, each event applied at most once and only when newer than what the
 * work order reflects: the ERP's work orders (through erp-sync-service), the SSCC demand from aggregation-service,
 * the serial demand from each new configuration, and the ERP's acknowledgements of confirmations.
 */
@ApplicationScoped
public class WorkOrderConsumer {

    static final String CONSUMER = "generation-service";

    private final IdempotentConsumer consumer;
    private final WorkOrders workOrders;

    WorkOrderConsumer(IdempotentConsumer consumer, WorkOrders workOrders) {
        this.consumer = consumer;
        this.workOrders = workOrders;
    }

    @Incoming("workorders-in")
    public Uni<Void> onWorkOrders(KafkaRecordBatch<String, String> batch) {
        // manual work orders are this service's own: announced, never applied back
        return consumer.consumeAll(CONSUMER, batch, event -> !WorkOrderSynced.isManual(event),
            events -> workOrders.applyErp(EventCodec.payloads(events, WorkOrderSynced.class)));
    }

    @Incoming("aggregation-in")
    public Uni<Void> onAggregations(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeAll(CONSUMER, batch,
            events -> workOrders.applyAggregation(EventCodec.payloads(events, AggregationComputed.class)));
    }

    @Incoming("erp-in")
    public Uni<Void> onErp(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeEach(CONSUMER, batch, event -> EventTypes.ERP_CONFIRMED.equals(event.eventType()),
            event -> workOrders.applyErpConfirmation(EventCodec.payload(event, ErpConfirmed.class)));
    }

    @Incoming("config-in")
    public Uni<Void> onConfig(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeEach(CONSUMER, batch,
            event -> workOrders.applyConfig(EventCodec.payload(event, ConfigActivated.class)));
    }
}
