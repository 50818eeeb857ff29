package org.serialgen.erpsync.override;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.serialgen.erpsync.confirm.ConfirmationRepository;
import org.serialgen.erpsync.intake.ErpOverride;
import org.serialgen.erpsync.intake.ErpWorkOrder;
import org.serialgen.erpsync.intake.ErpWorkOrderRepository;
import org.serialgen.events.EventCodec;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.paging.PageRequest;
import org.serialgen.kit.paging.PageResponse;
import org.serialgen.security.Roles;
import org.serialgen.kit.request.StrictParams;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** ERP work orders as this service holds them: what the ERP said, what the suite has, an override, confirmations. */
@Path("/serial-generation/erp/workorders/")
@Produces(MediaType.APPLICATION_JSON)
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class ErpWorkOrderResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(
        @JsonProperty("wo_id") String woId,
        @Schema(description = "What the suite has: the ERP's values, or the override's where one holds")
        @JsonProperty("forwarded") Content forwarded,
        @Schema(description = "What the ERP itself last said") @JsonProperty("erp") Map<String, Object> erp,
        @JsonProperty("erp_changed_at") Instant erpChangedAt,
        @JsonProperty("revision") long revision,
        @JsonProperty("override") OverrideView override,
        @JsonProperty("last_synced_at") Instant lastSyncedAt,
        @JsonProperty("erp_confirmed_at") Instant erpConfirmedAt,
        @JsonProperty("pending_confirmations") Long pendingConfirmations) {
    }

    public record Content(
        @JsonProperty("wo_name") String woName,
        @JsonProperty("gtin") String gtin,
        @JsonProperty("lot") String lot,
        @JsonProperty("expiry") LocalDate expiry,
        @JsonProperty("quantity") long quantity,
        @JsonProperty("serial_quantity") Long serialQuantity) {
    }

    public record OverrideView(
        @JsonProperty("wo_name") String woName,
        @JsonProperty("quantity") Long quantity,
        @JsonProperty("serial_quantity") Long serialQuantity,
        @JsonProperty("reason") String reason,
        @JsonProperty("by") String by,
        @JsonProperty("at") Instant at) {

        static OverrideView of(ErpOverride o) {
            return o == null ? null : new OverrideView(o.woName, o.quantity, o.serialQuantity, o.reason, o.createdBy,
                o.createdAt);
        }
    }

    /** {@code PUT …/override}: at least one of the fields, and why. */
    public record OverrideRequest(
        @JsonProperty("wo_name") String woName,
        @JsonProperty("quantity") Long quantity,
        @JsonProperty("serial_quantity") Long serialQuantity,
        @JsonProperty("reason") String reason) {
    }

    /** {@code DELETE …/override}: why it is lifted. */
    public record Lifting(@JsonProperty("reason") String reason) {
    }

    private final ErpWorkOrderRepository workOrders;
    private final ConfirmationRepository confirmations;
    private final Overrides overrides;
    private final SecurityIdentity identity;

    ErpWorkOrderResource(ErpWorkOrderRepository workOrders, ConfirmationRepository confirmations, Overrides overrides,
                         SecurityIdentity identity) {
        this.workOrders = workOrders;
        this.confirmations = confirmations;
        this.overrides = overrides;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "ERP work orders, newest sync first; overridden=true: only those with an override")
    public Uni<PageResponse<View>> list(@QueryParam("overridden") String overridden,
                                        @QueryParam("page") Integer page, @QueryParam("page_size") Integer pageSize,
                                        @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        boolean onlyOverridden = StrictParams.flag(uri, "overridden", overridden);
        return workOrders.page(onlyOverridden, request).flatMap(found -> workOrders.overrides(
                found.rows().stream().map(row -> row.woId).collect(java.util.stream.Collectors.toSet()))
            .map(byWo -> PageResponse.of(uri, request, found.count(), found.rows().stream()
                .map(row -> view(row, byWo.get(row.woId), null, null)).toList())));
    }

    @GET
    @Path("{woId}/")
    @Operation(summary = "An ERP work order: what the ERP said, what the suite has, its override, confirmations")
    public Uni<View> get(@PathParam("woId") String woId) {
        return workOrders.findById(woId).flatMap(row -> {
            if (row == null) {
                throw new ApiException.NotFound("ERP_WO_NOT_FOUND", "No work order " + woId + " came from the ERP");
            }
            return workOrders.override(woId).flatMap(override -> confirmations.stateOf(woId)
                .map(state -> view(row, override, state.acknowledgedAt(), state.pending())));
        });
    }

    @PUT
    @Path("{woId}/override")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ERP_OPERATOR})
    @Operation(summary = "Override an ERP work order's quantity, serial quantity or name, with a reason; later syncs "
        + "keep it unless forced")
    public Uni<View> override(@PathParam("woId") String woId, OverrideRequest request) {
        Overrides.Request asked = request == null ? null : new Overrides.Request(request.woName(), request.quantity(),
            request.serialQuantity(), request.reason());
        return overrides.set(woId, asked, identity.getPrincipal().getName()).flatMap(row -> get(woId));
    }

    @DELETE
    @Path("{woId}/override")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ERP_OPERATOR})
    @Operation(summary = "Lift an override, with a reason: the suite gets the ERP's values again")
    public Uni<View> lift(@PathParam("woId") String woId, Lifting lifting) {
        return overrides.lift(woId, lifting == null ? null : lifting.reason(), identity.getPrincipal().getName())
            .flatMap(row -> get(woId));
    }

    private static View view(ErpWorkOrder row, ErpOverride override, Instant confirmedAt, Long pending) {
        return new View(row.woId, new Content(row.woName, row.gtin, row.lot, row.expiry, row.quantity,
            row.serialQuantity), row.erpValues == null ? null
                : EventCodec.read(row.erpValues, new TypeReference<Map<String, Object>>() { }),
            row.erpChangedAt, row.revision, OverrideView.of(override), row.lastSyncedAt, confirmedAt, pending);
    }
}
