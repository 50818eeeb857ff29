package org.serialgen.erpsync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.serialgen.erpsync.ErpPullTest.OPERATOR;
import static org.serialgen.erpsync.ErpPullTest.erp;
import static org.serialgen.erpsync.ErpPullTest.newId;
import static org.serialgen.erpsync.ErpPullTest.put;
import static org.serialgen.erpsync.ErpPullTest.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.serialgen.events.ErpConfirmed;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventEnvelope;
import org.serialgen.events.EventTypes;
import org.serialgen.events.Topics;
import org.serialgen.events.WorkOrderGeneration;
import org.serialgen.testkit.TestKafka;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Serialization confirmations: an ERP work order's generation that ended is confirmed to the ERP, again and again
 * until the ERP acknowledges it, once per change whatever the redeliveries; a manual one's is not.
 */
@QuarkusTest
class ErpConfirmationTest {

    static EventEnvelope generationEnded(String woId, String source) {
        return EventCodec.envelope(EventTypes.WORKORDER_GENERATION, new WorkOrderGeneration(woId, source, "completed",
            "pending", 1_050, 0, Instant.now()));
    }

    @Test
    void anEndedGenerationIsConfirmedUntilTheErpAcknowledgesIt() {
        String woId = newId("CONF");
        put(woId, 1_000);
        sync("{}");
        erp().refuseConfirmations(2);
        EventEnvelope ended = generationEnded(woId, "erp");
        TestKafka.publish(Topics.GENERATION, woId, EventCodec.write(ended));
        TestKafka.publish(Topics.GENERATION, woId, EventCodec.write(ended)); // a redelivery

        await().atMost(Duration.ofSeconds(60)).until(() -> erp().confirmations().stream()
            .anyMatch(c -> c.path("wo_id").asText().equals(woId)));
        List<JsonNode> received = erp().confirmations().stream().filter(c -> c.path("wo_id").asText().equals(woId))
            .toList();
        assertEquals(1, received.size());
        assertEquals(ended.eventId().toString(), received.get(0).path("event_id").asText());
        assertEquals("completed", received.get(0).path("serial_generation_status").asText());
        assertEquals(1_050, received.get(0).path("generated_serials").asLong());
        assertEquals(3, erp().requests().stream().filter(r -> r.equals("POST /workorders/" + woId + "/serialization"))
            .count(), "refused twice, then acknowledged");

        var acknowledged = TestKafka.records(Topics.ERP, v -> v.contains(woId), 1, Duration.ofSeconds(30),
            Duration.ofMillis(500));
        assertEquals(1, acknowledged.size());
        ErpConfirmed confirmed = EventCodec.payload(EventCodec.readEnvelope(acknowledged.get(0).value()),
            ErpConfirmed.class);
        assertEquals(ended.eventId(), confirmed.confirmationId());
        assertNotNull(given().header("Authorization", OPERATOR).get("/serial-generation/erp/workorders/" + woId + "/")
            .then().statusCode(200).extract().jsonPath().getString("erp_confirmed_at"));
    }

    @Test
    void aManualWorkOrdersGenerationIsNotTheErpsToConfirm() throws InterruptedException {
        String woId = newId("CONFMAN");
        TestKafka.publish(Topics.GENERATION, woId, EventCodec.write(generationEnded(woId, "manual")));
        Thread.sleep(3_000);
        assertEquals(0, erp().confirmations().stream().filter(c -> c.path("wo_id").asText().equals(woId)).count());
    }
}
