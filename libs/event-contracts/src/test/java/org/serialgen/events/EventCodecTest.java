package org.serialgen.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.serialgen.events.EventCodec.MalformedEventException;

class EventCodecTest {

    @Test
    void roundTripsAnEnvelopeWithSnakeCaseFields() {
        WorkOrderSynced payload = new WorkOrderSynced("WO-1", "Batch", "09506000134352", "L1", LocalDate.of(2028, 1, 31),
            100, 3, Instant.parse("2026-11-24T10:00:00Z"), WorkOrderSynced.ERP);
        String json = EventCodec.write(EventCodec.envelope(EventTypes.WORKORDER_SYNCED, payload));
        assertTrue(json.contains("\"event_type\":\"workorder.synced\""), json);
        assertTrue(json.contains("\"schema_version\":1"), json);
        assertTrue(json.contains("\"expiry\":\"2028-01-31\""), json);
        EventEnvelope read = EventCodec.readEnvelope(json);
        assertEquals(payload, EventCodec.payload(read, WorkOrderSynced.class));
    }

    @Test
    void refusesWhatIsNotAnEnvelopeOfAKnownVersion() {
        assertThrows(MalformedEventException.class, () -> EventCodec.readEnvelope("{not json"));
        assertThrows(MalformedEventException.class, () -> EventCodec.readEnvelope("{\"event_type\":\"x\"}"));
        String future = EventCodec.write(EventCodec.envelope("x", new Object() {
            public int getA() {
                return 1;
            }
        })).replace("\"schema_version\":1", "\"schema_version\":2");
        assertThrows(MalformedEventException.class, () -> EventCodec.readEnvelope(future));
    }
}
