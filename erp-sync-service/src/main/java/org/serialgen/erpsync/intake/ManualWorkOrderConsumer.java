package org.serialgen.erpsync.intake;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.serialgen.events.EventCodec;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.kit.inbox.IdempotentConsumer;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The wo_ids of the work orders entered by hand in the suite ({@code serialgen.workorders.v1}, source manual): an ERP
 * record of one of them is a conflict, shown on its run and on the work order; the open failed records of one are
 * resolved by that entry (how an operator fixes a record the ERP got wrong).
 */
@ApplicationScoped
public class ManualWorkOrderConsumer {

    static final String CONSUMER = "erp-sync-service";

    private final IdempotentConsumer consumer;
    private final ErpWorkOrderRepository workOrders;
    private final FailedRecordRepository failedRecords;

    ManualWorkOrderConsumer(IdempotentConsumer consumer, ErpWorkOrderRepository workOrders,
                            FailedRecordRepository failedRecords) {
        this.consumer = consumer;
        this.workOrders = workOrders;
        this.failedRecords = failedRecords;
    }

    @Incoming("workorders-in")
    public Uni<Void> onWorkOrders(KafkaRecordBatch<String, String> batch) {
        // the ERP's own work orders come back on this topic too: only manual ones matter here
        return consumer.consumeEach(CONSUMER, batch, WorkOrderSynced::isManual,
            event -> {
                String woId = EventCodec.payload(event, WorkOrderSynced.class).woId();
                return workOrders.noteManual(woId).call(() -> failedRecords.resolveByManualEntry(woId))
                    .replaceWithVoid();
            });
    }
}
