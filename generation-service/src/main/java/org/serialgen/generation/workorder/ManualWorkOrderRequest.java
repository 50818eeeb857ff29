package org.serialgen.generation.workorder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.serialgen.events.ErpWorkOrder;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The spec's work-order form: a work order entered by hand (wo_source manual), checked like the ERP's. */
public record ManualWorkOrderRequest(
    @Schema(description = "1–50 characters: letters, digits, '.', '_', '/' or '-'; unique") @JsonProperty("wo_id") String woId,
    @Schema(description = "Up to 200 characters") @JsonProperty("wo_name") String woName,
    @Schema(description = "GTIN-8/12/13/14 with a valid check digit") @JsonProperty("gtin") String gtin,
    @Schema(description = "Batch/lot, 1–20 characters of GS1 character set 82") @JsonProperty("lot") String lot,
    @Schema(description = "Expiry date, yyyy-MM-dd") @JsonProperty("expiry") String expiry,
    @Schema(description = "Saleable units (L1 items), 1 to 100 000 000", minimum = "1", maximum = "100000000")
    @JsonProperty("quantity") Long quantity,
    @Schema(description = "Serials to issue, fixed (0 to 100 000 000); without it, from the quantity and the "
        + "configuration") @JsonProperty("serial_quantity") Long serialQuantity) {

    ErpWorkOrder asRecord() {
        return new ErpWorkOrder(woId, woName, gtin, lot, expiry, quantity);
    }
}
