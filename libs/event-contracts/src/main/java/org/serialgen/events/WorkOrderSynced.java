package org.serialgen.events;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A validated work order ({@link Topics#WORKORDERS}, {@link EventTypes#WORKORDER_SYNCED}): from the ERP through
 * erp-sync-service ({@code source} erp), or entered on the work-order form in generation-service (manual).
 * {@code revision} grows by one with each changed version of the same {@code wo_id}; consumers ignore a revision
 * lower than or equal to the one they hold. {@code serial_quantity}, when set, is the serials the work order asks for,
 * fixed (an ERP operator's override, or the form's), instead of what the configuration would compute.
 */
public record WorkOrderSynced(
    @JsonProperty("wo_id") String woId,
    @JsonProperty("wo_name") String woName,
    @JsonProperty("gtin") String gtin,
    @JsonProperty("lot") String lot,
    @JsonProperty("expiry") LocalDate expiry,
    @JsonProperty("quantity") long quantity,
    @JsonProperty("revision") long revision,
    @JsonProperty("synced_at") Instant syncedAt,
    @JsonProperty("source") String source,
    @JsonProperty("serial_quantity") Long serialQuantity) {

    public static final String ERP = "erp";
    public static final String MANUAL = "manual";

    /** Events written before {@code source} existed came from the ERP. */
    public WorkOrderSynced {
        source = source == null ? ERP : source;
    }

    /** A work order whose serials the configuration computes. */
    public WorkOrderSynced(String woId, String woName, String gtin, String lot, LocalDate expiry, long quantity,
                           long revision, Instant syncedAt, String source) {
        this(woId, woName, gtin, lot, expiry, quantity, revision, syncedAt, source, null);
    }

    /** Whether an envelope carries a work order entered by hand (read from the payload, before it is decoded). */
    public static boolean isManual(EventEnvelope envelope) {
        return MANUAL.equals(envelope.payload().path("source").asText(null));
    }
}
