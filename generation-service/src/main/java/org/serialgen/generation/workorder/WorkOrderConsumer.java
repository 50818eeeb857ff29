package org.serialgen.generation.workorder;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.serialgen.events.AggregationComputed;
import org.serialgen.events.ConfigActivated;
import org.serialgen.events.EventCodec;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.kit.inbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;

/**
 * Keeps work orders in step with their sources, each event applied at most once and only when newer than what the
 * work order reflects: the ERP's work orders (through erp-sync-service), the SSCC demand from aggregation-service and
 * the serial demand from each new configuration.
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
    public Uni<Void> onWorkOrder(String envelope) {
        return consumer.consume(CONSUMER, envelope,
            event -> workOrders.applyErp(EventCodec.payload(event, WorkOrderSynced.class)));
    }

    @Incoming("aggregation-in")
    public Uni<Void> onAggregation(String envelope) {
        return consumer.consume(CONSUMER, envelope,
            event -> workOrders.applyAggregation(EventCodec.payload(event, AggregationComputed.class)));
    }

    @Incoming("config-in")
    public Uni<Void> onConfig(String envelope) {
        return consumer.consume(CONSUMER, envelope,
            event -> workOrders.applyConfig(EventCodec.payload(event, ConfigActivated.class)));
    }
}
