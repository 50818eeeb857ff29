package org.serialgen.generation.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.serialgen.generation.pool.Kind;
import org.serialgen.generation.workorder.AggregationDemand;
import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.generation.workorder.WorkOrders;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import io.vertx.mutiny.core.Vertx;

/**
 * A work order's SSCC labels as one PDF, a page per SSCC in issue order (all, or one level's), streamed from a
 * temporary file that is deleted once it has been read.
 */
@jakarta.ws.rs.Path("/serial-generation/workorders/")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class SsccLabelResource {

    /** Labels per document: a pallet plan's worth many times over; more asks for one level at a time. */
    static final int MAX_LABELS = 20_000;

    private final Reports reports;
    private final WorkOrders workOrders;
    private final Vertx vertx;

    SsccLabelResource(Reports reports, WorkOrders workOrders, Vertx vertx) {
        this.reports = reports;
        this.workOrders = workOrders;
        this.vertx = vertx;
    }

    @GET
    @jakarta.ws.rs.Path("{id}/sscc-labels.pdf")
    @Produces("application/pdf")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"sscc-labels.pdf\"")
    @Operation(summary = "GS1 logistic labels of the work order's SSCCs, a PDF page each: GS1-128 of (02)(17)(37)(10) "
        + "for the homogeneous content its packaging level holds, and of (00) SSCC; 404 while no SSCC was issued")
    public Multi<Buffer> labels(@PathParam("id") String id,
                                @Parameter(description = "Only this level's labels (an SSCC level: l2, l3 or l4)")
                                @QueryParam("level") String level) {
        return reports.issued(id, Kind.SSCC).flatMap(issued -> Panache.withSession(() ->
                workOrders.demand(issued.workOrder().woId)).map(demand -> plan(issued, demand, level)))
            .flatMap(plan -> reports.stream(plan.issued()).collect().asList().map(chunks -> labels(plan, chunks, level)))
            .flatMap(labels -> Uni.createFrom().item(() -> pdf(labels.wo(), labels.labels()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
            .onItem().transformToMulti(this::read);
    }

    private record Planned(IssuedNumbers issued, LabelPlan plan) {
    }

    private record Labels(WorkOrder wo, List<LabelPlan.Label> labels) {
    }

    private static Planned plan(IssuedNumbers issued, AggregationDemand demand, String level) {
        if (issued.empty()) {
            throw new ApiException.NotFound("NOTHING_ISSUED", "No SSCC was issued to this work order yet");
        }
        LabelPlan plan = LabelPlan.of(issued.workOrder(), AggregationDemand.levelsOf(demand));
        if (level != null && !plan.labels(level)) {
            throw ApiException.Validation.of("level", "Not a level of this work order's packaging that SSCCs label");
        }
        return new Planned(issued, plan);
    }

    private static Labels labels(Planned planned, List<NumberChunk> chunks, String level) {
        List<LabelPlan.Label> labels = new java.util.ArrayList<>();
        long index = 0;
        for (NumberChunk chunk : chunks) {
            for (int i = 0; i < chunk.count(); i++) {
                LabelPlan.Label label = planned.plan().label(index++, chunk.values()[i]);
                if (level == null || label.slot() != null && label.slot().level().equals(level)) {
                    labels.add(label);
                }
            }
        }
        if (labels.size() > MAX_LABELS) {
            throw ApiException.Validation.of("level", "More than " + MAX_LABELS + " labels: ask for one level at a "
                + "time");
        }
        return new Labels(planned.issued().workOrder(), labels);
    }

    private static Path pdf(WorkOrder wo, List<LabelPlan.Label> labels) {
        Path file = null;
        try (LabelDocument document = new LabelDocument(wo)) {
            for (LabelPlan.Label label : labels) {
                document.add(label);
            }
            file = Files.createTempFile("sscc-labels-", ".pdf");
            document.save(file);
            return file;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // the failure that brought us here is the one to report
        }
    }

    private Multi<Buffer> read(Path file) {
        return vertx.fileSystem().open(file.toString(), new OpenOptions().setRead(true).setDeleteOnClose(true))
            .onItem().transformToMulti(pdf -> pdf.toMulti().map(io.vertx.mutiny.core.buffer.Buffer::getDelegate)
                .onTermination().call(pdf::close));
    }
}
