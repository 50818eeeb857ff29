package org.serialgen.generation.packing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One packing or unpacking request's change to one container: an EPCIS AggregationEvent. {@code parent} is the
 * container's GS1 key; {@code at} when it was recorded.
 */
public record PackingEvent(UUID id, boolean unpacking, String parent, Instant at) {

    /** A name-based UUID of the request and the container: the same on every download. */
    public String eventId() {
        String name = "serialgen:" + (unpacking ? "unpacking:" : "packing:") + id + ":" + parent;
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
