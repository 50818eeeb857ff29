package org.serialgen.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The ERP acknowledged the serialization confirmation of a work order ({@link Topics#ERP},
 * {@link EventTypes#ERP_CONFIRMED}); {@code confirmation_id} is the id the ERP received.
 */
public record ErpConfirmed(
    @JsonProperty("wo_id") String woId,
    @JsonProperty("confirmation_id") UUID confirmationId,
    @JsonProperty("confirmed_at") Instant confirmedAt) {
}
