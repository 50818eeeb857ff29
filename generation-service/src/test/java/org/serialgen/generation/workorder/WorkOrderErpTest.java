package org.serialgen.generation.workorder;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.serialgen.generation.workorder.WorkOrderProjectionTest.eventually;
import static org.serialgen.generation.workorder.WorkOrderProjectionTest.publish;
import static org.serialgen.generation.workorder.WorkOrderProjectionTest.workOrderView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.serialgen.events.ErpConfirmed;
import org.serialgen.events.EventTypes;
import org.serialgen.events.Topics;
import org.serialgen.events.WorkOrderSynced;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What the ERP integration shows on a work order: a serial quantity fixed by an override (kept when the configuration
 * changes), an ERP record of a manual work order's wo_id (shown, never applied), and the ERP's acknowledgement.
 */
@QuarkusTest
class WorkOrderErpTest {

    static WorkOrderSynced fromErp(String woId, long quantity, long revision, Long serialQuantity) {
        return new WorkOrderSynced(woId, "Batch " + woId, "09506000134352", "LOT-1", LocalDate.of(2028, 3, 31),
            quantity, revision, Instant.now(), WorkOrderSynced.ERP, serialQuantity);
    }

    @Test
    void anOverriddenSerialQuantityIsKeptWhateverTheConfigurationSays() {
        String woId = "WO-FIX-" + UUID.randomUUID().toString().substring(0, 8);
        publish(Topics.WORKORDERS, woId, EventTypes.WORKORDER_SYNCED, fromErp(woId, 1_000, 1, 777L));
        eventually(() -> workOrderView(woId).statusCode(200).body("total_requested_serials", equalTo(777))
            .body("serials_fixed", equalTo(true)));
        WorkOrderProjectionTest.publishConfig(org.serialgen.testkit.TestKafka.nextConfigVersion(), "50.00");
        // the override lifted: the configuration computes the serials again
        publish(Topics.WORKORDERS, woId, EventTypes.WORKORDER_SYNCED, fromErp(woId, 1_000, 2, null));
        eventually(() -> workOrderView(woId).body("serials_fixed", equalTo(false))
            .body("total_requested_serials", equalTo(525)));
    }

    @Test
    void anErpRecordOfAManualWorkOrdersWoIdIsShownOnItAndNotApplied() {
        String woId = "WO-CONFL-" + UUID.randomUUID().toString().substring(0, 8);
        ManualWorkOrderTest.create(ManualWorkOrderTest.form(woId, "9506000134352", 400)).statusCode(201);
        publish(Topics.WORKORDERS, woId, EventTypes.WORKORDER_SYNCED, fromErp(woId, 9_999, 1, null));
        eventually(() -> workOrderView(woId).body("erp_conflict", startsWith("The ERP sent work order " + woId))
            .body("quantity", equalTo(400)).body("wo_source", equalTo("manual")));
    }

    @Test
    void showsWhenTheErpAcknowledgedTheConfirmation() {
        String woId = "WO-ACK-" + UUID.randomUUID().toString().substring(0, 8);
        publish(Topics.WORKORDERS, woId, EventTypes.WORKORDER_SYNCED, fromErp(woId, 10, 1, null));
        eventually(() -> workOrderView(woId).statusCode(200));
        publish(Topics.ERP, woId, EventTypes.ERP_CONFIRMED, new ErpConfirmed(woId, UUID.randomUUID(), Instant.now()));
        eventually(() -> workOrderView(woId).body("erp_confirmed_at", notNullValue()));
    }
}
