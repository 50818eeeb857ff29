package org.serialgen.generation.report;

import java.time.Instant;
import java.util.List;

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
import org.serialgen.generation.packing.PackingEvent;
import org.serialgen.generation.packing.PackingLog;
import org.serialgen.generation.pool.Kind;
import org.serialgen.gs1.DigitalLink;
import org.serialgen.kit.context.Pages;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * A work order's serials, SSCCs and bundle serials as CSV (in six renderings) and as an EPCIS document, streamed.
 */
@Path("/serial-generation/workorders/")
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class ReportResource {

    private final Reports reports;
    private final DigitalLink link;
    private final EpcisLocation location;
    private final PackingLog packingLog;

    ReportResource(Reports reports, GenerationSettings settings, PackingLog packingLog) {
        this.packingLog = packingLog;
        this.reports = reports;
        this.link = new DigitalLink(settings.digitalLinkResolver());
        this.location = EpcisLocation.of(settings);
    }

    @GET
    @Path("{id}/serials.csv")
    @Produces("text/csv")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"serials.csv\"")
    @Operation(summary = "The work order's serials (gtin, serial, identifier), streamed")
    public Multi<Buffer> serials(@PathParam("id") String id,
                                 @Parameter(description = "element ((01)(21) element string, default), urn (EPC URN), "
                                     + "pack ((01)(17)(10)(21) element string), scan (the same as scan data, GS after "
                                     + "the lot), hri (human-readable text) or dl (GS1 Digital Link with lot and "
                                     + "expiry)") @QueryParam("format") String format) {
        Rendering rendering = Rendering.parse(format);
        return reports.issued(id, Kind.SERIAL).onItem().transformToMulti(issued ->
            csv(issued, new CsvReport(Kind.SERIAL, Identifiers.ofTradeItems(rendering, link, issued))));
    }

    @GET
    @Path("{id}/bundle-serials.csv")
    @Produces("text/csv")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"bundle-serials.csv\"")
    @Operation(summary = "The work order's bundle serials (gtin, serial, identifier: each bundle GTIN's), streamed; "
        + "format as for serials.csv")
    public Multi<Buffer> bundleSerials(@PathParam("id") String id, @QueryParam("format") String format) {
        Rendering rendering = Rendering.parse(format);
        return reports.issued(id, Kind.BUNDLE).onItem().transformToMulti(issued ->
            csv(issued, new CsvReport(Kind.BUNDLE, Identifiers.ofTradeItems(rendering, link, issued))));
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
    // one declared type (a Multi allows no negotiation); the answer's own header says which form it is
    @Produces("application/ld+json")
    @Operation(summary = "An EPCIS 2.0 document of the work order's numbers, streamed — format=jsonld (default, "
        + "JSON-LD) or xml (GS1's XML schema): a commissioning ObjectEvent per issue (SGTINs with lot and expiry as "
        + "ILMD, SSCCs without), dated when the numbers were issued, a decommissioning ObjectEvent per voiding, and an "
        + "AggregationEvent per recorded packing and unpacking of a container; stable event IDs, the same document on "
        + "every download (Content-Disposition epcis.jsonld or epcis.xml). 404 while nothing was issued")
    public RestMulti<Buffer> epcis(@PathParam("id") String id,
                                   @Parameter(description = "jsonld (default) or xml") @QueryParam("format")
                                   String format) {
        EpcisWriter.Form form = EpcisWriter.Form.parse(format);
        Context context = Vertx.currentContext();
        Multi<Buffer> document = reports.events(id).flatMap(events -> events.isEmpty()
                ? Uni.createFrom().item(new Events(events, List.of()))
                : Pages.on(context, () -> Panache.withSession(() -> packingLog.events(
                    events.get(0).numbers().workOrder().id))).map(packed -> new Events(events, packed)))
            .onItem().transformToMulti(events -> epcis(events, form, context));
        // written as it comes: not as a JSON array of chunks, which is what a JSON type would otherwise make of them
        return RestMulti.fromMultiData(document).encodeAsJsonArray(false).header("Content-Type", form.contentType)
            .header("Content-Disposition", "attachment; filename=\"" + form.fileName + "\"").build();
    }

    /** What an EPCIS document tells: the issues and voidings, then the recorded packing. */
    private record Events(List<IssueEvent> issues, List<PackingEvent> packing) {
    }

    private Multi<Buffer> csv(IssuedNumbers issued, CsvReport report) {
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(report.header()),
            reports.stream(issued).map(report::lines));
    }

    private Multi<Buffer> epcis(Events all, EpcisWriter.Form form, Context context) {
        List<IssueEvent> events = all.issues();
        if (events.isEmpty()) {
            throw new ApiException.NotFound("NOTHING_ISSUED", "Nothing was issued to this work order yet");
        }
        IssuedNumbers any = events.get(0).numbers();
        // an SGTIN URN needs the GTIN's company prefix: refused (409) before the first byte if it is not configured
        Identifiers sgtins = Identifiers.ofTradeItems(Rendering.URN, link, any.workOrder(), any.config(),
            events.stream().flatMap(e -> e.numbers().pools().values().stream()).map(IssuedNumbers.PoolCodec::pool)
                .toList());
        Identifiers containers = Identifiers.ofSscc(Rendering.URN, link);
        Instant created = events.get(events.size() - 1).time();
        if (!all.packing().isEmpty() && all.packing().get(all.packing().size() - 1).at().isAfter(created)) {
            created = all.packing().get(all.packing().size() - 1).at();
        }
        Instant newest = created;
        // the generator's state belongs to one download, so it is made per subscription
        return Multi.createFrom().deferred(() -> {
            EpcisWriter document = EpcisWriter.of(form, sgtins, containers, location);
            Multi<Buffer> body = Multi.createFrom().iterable(events).onItem().transformToMultiAndConcatenate(event ->
                Multi.createBy().concatenating().streams(
                    Multi.createFrom().item(() -> document.eventStart(event)),
                    reports.stream(event.numbers()).map(document::epcs),
                    Multi.createFrom().item(() -> document.eventEnd(event, event.numbers().workOrder()))));
            Multi<Buffer> packed = Multi.createFrom().iterable(all.packing()).onItem().transformToUniAndConcatenate(
                event -> Pages.on(context, () -> Panache.withSession(() -> packingLog.childUrns(event,
                        any.config().config())))
                    .map(children -> document.aggregation(event, PackingLog.urn(event.parent(),
                        any.config().config()), children)));
            return Multi.createBy().concatenating().streams(Multi.createFrom().item(() -> document.head(newest)),
                body, packed, Multi.createFrom().item(document::tail));
        });
    }
}
