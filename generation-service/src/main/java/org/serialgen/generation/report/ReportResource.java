package org.serialgen.generation.report;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.RestMulti;
import org.serialgen.generation.config.GenerationSettings;
import org.serialgen.generation.pool.Kind;
import org.serialgen.gs1.DigitalLink;
import org.serialgen.gs1.Gtin;
import org.serialgen.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;

/** A work order's serials and SSCCs as CSV (in three renderings) and as an EPCIS document, streamed. */
@Path("/serial-generation/workorders/")
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class ReportResource {

    private final Reports reports;
    private final DigitalLink link;

    ReportResource(Reports reports, GenerationSettings settings) {
        this.reports = reports;
        this.link = new DigitalLink(settings.digitalLinkResolver());
    }

    @GET
    @Path("{id}/serials.csv")
    @Produces("text/csv")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"serials.csv\"")
    @Operation(summary = "The work order's serials (gtin, serial, identifier), streamed")
    public Multi<Buffer> serials(@PathParam("id") String id,
                                 @Parameter(description = "element (GS1 element string, default), urn (EPC URN) or dl "
                                     + "(GS1 Digital Link)") @QueryParam("format") String format) {
        Rendering rendering = Rendering.parse(format);
        return reports.issued(id, Kind.SERIAL).onItem().transformToMulti(issued ->
            csv(issued, new CsvReport(Kind.SERIAL, Identifiers.ofSerials(rendering, link, issued))));
    }

    @GET
    @Path("{id}/sscc.csv")
    @Produces("text/csv")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"sscc.csv\"")
    @Operation(summary = "The work order's SSCCs (sscc, identifier), streamed")
    public Multi<Buffer> sscc(@PathParam("id") String id, @QueryParam("format") String format) {
        Rendering rendering = Rendering.parse(format);
        return reports.issued(id, Kind.SSCC).onItem().transformToMulti(issued ->
            csv(issued, new CsvReport(Kind.SSCC, Identifiers.ofSscc(rendering, link))));
    }

    @GET
    @Path("{id}/epcis")
    @Produces("application/ld+json")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"epcis.jsonld\"")
    @Operation(summary = "An EPCIS 2.0 JSON-LD document with one commissioning ObjectEvent (action ADD, bizStep "
        + "commissioning, disposition active) for the work order's serials (SGTIN) and SSCCs, streamed")
    public RestMulti<Buffer> epcis(@PathParam("id") String id) {
        Multi<Buffer> document = reports.issued(id, Kind.SERIAL).flatMap(serials -> reports.issued(id, Kind.SSCC)
            .map(ssccs -> epcis(serials, ssccs))).onItem().transformToMulti(body -> body);
        // written as it comes: not as a JSON array of chunks, which is what a JSON type would otherwise make of them
        return RestMulti.fromMultiData(document).encodeAsJsonArray(false).build();
    }

    private Multi<Buffer> csv(IssuedNumbers issued, CsvReport report) {
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(report.header()),
            reports.stream(issued).map(report::lines));
    }

    private Multi<Buffer> epcis(IssuedNumbers serials, IssuedNumbers ssccs) {
        Identifiers sgtins = serials.empty()
            ? new Identifiers(Rendering.URN, link, new Gtin(serials.workOrder().gtin), 0)
            : Identifiers.ofSerials(Rendering.URN, link, serials);
        Identifiers containers = Identifiers.ofSscc(Rendering.URN, link);
        // the generator's state belongs to one download, so it is made per subscription
        return Multi.createFrom().deferred(() -> {
            EpcisDocument document = new EpcisDocument(sgtins, containers);
            return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(() -> document.head(serials.workOrder(), Instant.now())),
                reports.stream(serials).map(document::epcs),
                reports.stream(ssccs).map(document::epcs),
                Multi.createFrom().item(document::tail));
        });
    }
}
