package org.serialgen.generation.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.serialgen.generation.pool.PoolRepository;
import org.serialgen.generation.pool.Pools;
import org.serialgen.generation.source.ExternalSerialRepository;
import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.generation.workorder.WorkOrders;
import org.serialgen.gs1.CharacterSet82;
import org.serialgen.gs1.Gtin;
import org.serialgen.gs1.PackCode;
import org.serialgen.gs1.SerialNumber;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.request.GtinParam;
import org.serialgen.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The GS1 DataMatrix of one serial the work order holds, with its lot and expiry: what the packaging line prints on
 * the pack. A serial the work order does not hold (never issued to it, or voided) has no symbol.
 */
@Path("/serial-generation/workorders/")
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class DataMatrixResource {

    private static final int MAX_SCALE = 40;

    private final WorkOrders workOrders;
    private final PoolRepository poolRepository;
    private final Pools pools;
    private final ExternalSerialRepository externalSerials;

    DataMatrixResource(WorkOrders workOrders, PoolRepository poolRepository, Pools pools,
                       ExternalSerialRepository externalSerials) {
        this.workOrders = workOrders;
        this.poolRepository = poolRepository;
        this.pools = pools;
        this.externalSerials = externalSerials;
    }

    @GET
    @Path("{id}/datamatrix")
    @Produces({"image/png", "image/svg+xml"})
    @Operation(summary = "The GS1 DataMatrix of a serial the work order holds: (01)(17)(10)(21) after FNC1, as PNG or "
        + "SVG; 404 SERIAL_NOT_HELD for a serial it does not hold")
    public Uni<Response> dataMatrix(@PathParam("id") String id,
                                    @Parameter(description = "The serial (AI 21), as issued")
                                    @QueryParam("serial") String serial,
                                    @Parameter(description = "The serial's GTIN: the work order's (default), or one "
                                        + "of its bundle GTINs for a bundle serial")
                                    @QueryParam("gtin") String gtin,
                                    @Parameter(description = "png (default) or svg")
                                    @QueryParam("format") @DefaultValue("png") String format,
                                    @Parameter(description = "Pixels per module of a PNG, 1 to 40 (default 8)")
                                    @QueryParam("scale") @DefaultValue("8") String scale) {
        if (serial == null || serial.isEmpty() || serial.length() > SerialNumber.MAX_LENGTH
            || !CharacterSet82.containsAll(serial)) {
            throw ApiException.Validation.of("serial", "1 to 20 characters of GS1 character set 82 (AI 21)");
        }
        if (!format.equals("png") && !format.equals("svg")) {
            throw ApiException.Validation.of("format", "Must be png or svg");
        }
        String asked = GtinParam.of("gtin", gtin);
        int pixels = scale(scale);
        return workOrders.find(id).flatMap(wo -> {
            Gtin of = new Gtin(asked == null ? wo.gtin : asked);
            return held(wo, of, serial).map(held -> {
                if (!held) {
                    throw new ApiException.NotFound("SERIAL_NOT_HELD", "The work order holds no serial " + serial
                        + " of GTIN " + of.value());
                }
                return symbol(wo, of, serial, format, pixels);
            });
        });
    }

    private static Response symbol(WorkOrder wo, Gtin gtin, String serial, String format, int pixels) {
        PackCode pack = new PackCode(gtin, wo.expiry, wo.lot, new SerialNumber(serial));
        DataMatrix symbol = DataMatrix.of(pack);
        String file = "datamatrix-" + wo.woId + "." + format;
        Response.ResponseBuilder answer = format.equals("png")
            ? Response.ok(symbol.png(pixels), "image/png")
            : Response.ok(symbol.svg(pack.humanReadable()), "image/svg+xml");
        return answer.header("Content-Disposition", "inline; filename=\"" + file.replaceAll("[^A-Za-z0-9._-]", "_")
            + "\"").build();
    }

    private static int scale(String scale) {
        try {
            int pixels = Integer.parseInt(scale);
            if (pixels >= 1 && pixels <= MAX_SCALE) {
                return pixels;
            }
        } catch (NumberFormatException e) {
            // answered below, as any other value out of range
        }
        throw ApiException.Validation.of("scale", "A whole number from 1 to " + MAX_SCALE);
    }

    /** Issued to the work order by the GTIN's pool and active, or delivered to it by a source and active. */
    private Uni<Boolean> held(WorkOrder wo, Gtin gtin, String serial) {
        return pools.held(wo.id).flatMap(held -> held.sgtin(gtin.value(), serial).isPresent()
            ? Uni.createFrom().item(true)
            : poolRepository.serialPool(gtin.value()).flatMap(pool -> pool == null ? Uni.createFrom().item(false)
                : externalSerials.holds(wo.id, pool.id, serial)));
    }
}
