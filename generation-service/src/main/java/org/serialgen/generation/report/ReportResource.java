package org.serialgen.generation.report;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.RestMulti;
import org.serialgen.events.ConfigActivated;
import org.serialgen.generation.pool.Pools;
import org.serialgen.generation.pool.SerialPool;
import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.gs1.CompanyPrefix;
import org.serialgen.gs1.DigitalLink;
import org.serialgen.gs1.ElementString;
import org.serialgen.gs1.EpcUrn;
import org.serialgen.gs1.Gtin;
import org.serialgen.gs1.SerialNumber;
import org.serialgen.gs1.Sgtin;
import org.serialgen.gs1.Sscc;
import org.serialgen.kit.configreplica.ConfigReplica;
import org.serialgen.kit.context.Pages;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.permutation.SerialCodec;
import org.serialgen.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * A work order's serials and SSCCs as CSV, streamed: the allocations are read once, then each range of counters is
 * turned into identifiers chunk by chunk on a worker thread while the response is being written, so a report of
 * millions of serials never sits in memory.
 */
@Path("/serial-generation/workorders/")
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class ReportResource {

    static final Set<String> FORMATS = Set.of("element", "urn", "dl");
    static final int CHUNK = 8192;

    /** One allocated range of counters. */
    record Range(long poolId, long from, long to) {
    }

    @Inject
    Pools pools;

    @Inject
    ConfigReplica replica;

    @ConfigProperty(name = "serialgen.generation.digital-link-resolver")
    String resolver;

    @GET
    @Path("{id}/serials.csv")
    @Produces("text/csv")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"serials.csv\"")
    @Operation(summary = "The work order's serials (gtin, serial, identifier), streamed")
    public Multi<Buffer> serials(@PathParam("id") String id,
                                 @Parameter(description = "element (GS1 element string, default), urn (EPC URN) or dl "
                                     + "(GS1 Digital Link)") @QueryParam("format") String format) {
        String chosen = format(format);
        return report(id, SerialPool.SERIAL).onItem().transformToMulti(report -> {
            DigitalLink link = new DigitalLink(resolver);
            Gtin gtin = new Gtin(report.workOrder().gtin);
            int prefixLength = "urn".equals(chosen) ? companyPrefixLength(report) : 0;
            return stream(report, "gtin,serial,identifier\n", (serial, pool, out) -> {
                Sgtin sgtin = new Sgtin(gtin, new SerialNumber(serial));
                String identifier = switch (chosen) {
                    case "urn" -> EpcUrn.of(sgtin, prefixLength);
                    case "dl" -> link.of(sgtin);
                    default -> ElementString.of(sgtin);
                };
                out.append(gtin.value()).append(',');
                csv(out, serial).append(',');
                csv(out, identifier).append('\n');
            });
        });
    }

    @GET
    @Path("{id}/sscc.csv")
    @Produces("text/csv")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"sscc.csv\"")
    @Operation(summary = "The work order's SSCCs (sscc, identifier), streamed")
    public Multi<Buffer> sscc(@PathParam("id") String id, @QueryParam("format") String format) {
        String chosen = format(format);
        return report(id, SerialPool.SSCC).onItem().transformToMulti(report -> {
            DigitalLink link = new DigitalLink(resolver);
            return stream(report, "sscc,identifier\n", (value, pool, out) -> {
                Sscc sscc = new Sscc(value);
                String identifier = switch (chosen) {
                    case "urn" -> EpcUrn.of(sscc, pool.companyPrefix.length());
                    case "dl" -> link.of(sscc);
                    default -> ElementString.of(sscc);
                };
                out.append(sscc.value()).append(',').append(identifier).append('\n');
            });
        });
    }

    @GET
    @Path("{id}/epcis")
    @Produces("application/ld+json")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"epcis.jsonld\"")
    @Operation(summary = "An EPCIS 2.0 JSON-LD document with one commissioning ObjectEvent (action ADD, bizStep "
        + "commissioning, disposition active) for the work order's serials (SGTIN) and SSCCs, streamed")
    public RestMulti<Buffer> epcis(@PathParam("id") String id) {
        // written as it comes: not as a JSON array of chunks, which is what a JSON type would otherwise make of them
        return RestMulti.fromMultiData(epcisDocument(id)).encodeAsJsonArray(false).build();
    }

    private Multi<Buffer> epcisDocument(String id) {
        return report(id, SerialPool.SERIAL).flatMap(serials -> report(id, SerialPool.SSCC)
                .map(ssccs -> new Report[] {serials, ssccs})).onItem().transformToMulti(reports -> {
            Report serials = reports[0];
            Report ssccs = reports[1];
            WorkOrder wo = serials.workOrder();
            Gtin gtin = new Gtin(wo.gtin);
            int prefixLength = serials.ranges().isEmpty() && !serials.external() ? 0 : companyPrefixLength(serials);
            String now = java.time.Instant.now().toString();
            String head = "{\"@context\":[\"https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld\"],"
                + "\"type\":\"EPCISDocument\",\"schemaVersion\":\"2.0\",\"creationDate\":\"" + now + "\","
                + "\"epcisBody\":{\"eventList\":[{\"type\":\"ObjectEvent\",\"eventTime\":\"" + now + "\","
                + "\"eventTimeZoneOffset\":\"+00:00\",\"action\":\"ADD\","
                + "\"bizStep\":\"commissioning\",\"disposition\":\"active\","
                + "\"ilmd\":{\"cbvmda:lotNumber\":" + jsonString(wo.lot) + ",\"cbvmda:itemExpirationDate\":\""
                + wo.expiry + "\"},\"epcList\":[";
            // the separator state belongs to one subscription, so it is made per subscription
            return Multi.createFrom().deferred(() -> {
                boolean[] first = {true};
                Multi<Buffer> sgtins = stream(serials, "", (serial, pool, out) -> epc(out, first,
                    EpcUrn.of(new Sgtin(gtin, new SerialNumber(serial)), prefixLength)));
                Multi<Buffer> containers = stream(ssccs, "", (value, pool, out) -> epc(out, first,
                    EpcUrn.of(new Sscc(value), pool.companyPrefix.length())));
                return Multi.createBy().concatenating().streams(Multi.createFrom().item(Buffer.buffer(head)), sgtins,
                    containers, Multi.createFrom().item(Buffer.buffer("]}]}}")));
            });
        });
    }

    private static void epc(StringBuilder out, boolean[] first, String urn) {
        if (!first[0]) {
            out.append(',');
        }
        first[0] = false;
        out.append(jsonString(urn));
    }

    /** A JSON string literal; URNs and lots hold only ASCII of set 82, of which only '"' and '\\' need escaping. */
    static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * What a report needs, read before streaming starts; {@code external} says whether values from external sources
     * follow the allocations, and {@code context} is where their pages are read.
     */
    record Report(WorkOrder workOrder, String kind, List<Range> ranges, List<SerialPool> pools,
                  List<SerialCodec> codecs, boolean external, ConfigActivated config, Context context) {
    }

    /** Writes one line for a serial (or an 18-digit SSCC) of a pool. */
    interface Row {
        void write(String value, SerialPool pool, StringBuilder out);
    }

    /** Read in a session of its own: {@code @WithSession} covers methods answering a Uni, not a Multi. */
    private Uni<Report> report(String id, String kind) {
        Context context = Vertx.currentContext();
        return Panache.withSession(() -> readReport(id, kind, context));
    }

    private Uni<Report> readReport(String id, String kind, Context context) {
        return WorkOrder.byIdOrWoId(id, LockModeType.NONE).flatMap(wo -> Panache.getSession()
            .flatMap(session -> session.createNativeQuery("SELECT a.pool_id, lower(a.counters), upper(a.counters)"
                    + " FROM serial_allocation a JOIN serial_pool p ON p.id = a.pool_id WHERE a.workorder_id = :wo"
                    + " AND a.status = 'active' AND p.kind = :kind ORDER BY a.id", Object[].class)
                .setParameter("wo", wo.id).setParameter("kind", kind).getResultList())
            .flatMap(rows -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                    "SELECT DISTINCT e.pool_id FROM external_serial e JOIN serial_pool p ON p.id = e.pool_id"
                        + " WHERE e.workorder_id = :wo AND e.status = 'active' AND p.kind = :kind", Object.class)
                .setParameter("wo", wo.id).setParameter("kind", kind).getResultList())
                .flatMap(externalPools -> {
                    List<Range> ranges = rows.stream().map(r -> new Range(((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(), ((Number) r[2]).longValue())).toList();
                    List<Long> poolIds = java.util.stream.Stream.concat(ranges.stream().map(Range::poolId),
                        externalPools.stream().map(p -> ((Number) p).longValue())).distinct().toList();
                    return (poolIds.isEmpty() ? Uni.createFrom().item(List.<SerialPool>of())
                            : SerialPool.<SerialPool>list("id in ?1", poolIds))
                        .flatMap(found -> codecs(found).flatMap(codecs -> replica.current()
                            .map(config -> new Report(wo, kind, ranges, found, codecs, !externalPools.isEmpty(),
                                config, context))));
                })));
    }

    private Uni<List<SerialCodec>> codecs(List<SerialPool> found) {
        Uni<List<SerialCodec>> all = Uni.createFrom().item(new ArrayList<>());
        for (SerialPool pool : found) {
            all = all.flatMap(list -> pools.codec(pool).map(codec -> {
                list.add(codec);
                return list;
            }));
        }
        return all;
    }

    /** The header, the allocations' identifiers, then the values external sources delivered. */
    private static Multi<Buffer> stream(Report report, String header, Row row) {
        Multi<Buffer> allocated = allocated(report, header, row);
        return report.external() ? Multi.createBy().concatenating().streams(allocated, external(report, row))
            : allocated;
    }

    /**
     * Page by page in the order of the key (pool, value), each page read on the request's context in a session of
     * its own, so that a million external serials never sit in memory either.
     */
    private static Multi<Buffer> external(Report report, Row row) {
        return Multi.createFrom().deferred(() -> {
            Object[] after = {-1L, ""};
            return Pages.onContext(report.context(), () -> page(report, after))
                .map(rows -> {
                    StringBuilder out = new StringBuilder(rows.size() * 64);
                    for (Object[] r : rows) {
                        long poolId = ((Number) r[0]).longValue();
                        row.write((String) r[1], report.pools().get(indexOf(report.pools(), poolId)), out);
                        after[0] = poolId;
                        after[1] = r[1];
                    }
                    return Buffer.buffer(out.toString());
                });
        });
    }

    /** The page of external values after {@code after} (pool id, value), in a session of its own. */
    private static Uni<List<Object[]>> page(Report report, Object[] after) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session.createNativeQuery("""
                SELECT e.pool_id, e.value FROM external_serial e JOIN serial_pool p ON p.id = e.pool_id
                WHERE e.workorder_id = :wo AND e.status = 'active' AND p.kind = :kind
                  AND (e.pool_id, e.value) > (:pool, :value)
                ORDER BY e.pool_id, e.value LIMIT :page""", Object[].class)
            .setParameter("wo", report.workOrder().id).setParameter("kind", report.kind())
            .setParameter("pool", after[0]).setParameter("value", after[1])
            .setParameter("page", CHUNK).getResultList()));
    }

    private static Multi<Buffer> allocated(Report report, String header, Row row) {
        Iterable<Buffer> chunks = () -> new Iterator<>() {
            int range = 0;
            long next = report.ranges().isEmpty() ? 0 : report.ranges().get(0).from();
            boolean headerSent;
            final long[] counters = new long[CHUNK];
            final String[] serials = new String[CHUNK];

            @Override
            public boolean hasNext() {
                return !headerSent || range < report.ranges().size();
            }

            @Override
            public Buffer next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (!headerSent) {
                    headerSent = true;
                    return Buffer.buffer(header);
                }
                Range current = report.ranges().get(range);
                int poolIndex = indexOf(report.pools(), current.poolId());
                SerialPool pool = report.pools().get(poolIndex);
                int count = (int) Math.min(CHUNK, current.to() - next);
                for (int i = 0; i < count; i++) {
                    counters[i] = next + i;
                }
                if (SerialPool.SSCC.equals(pool.kind)) {
                    CompanyPrefix prefix = new CompanyPrefix(pool.companyPrefix);
                    for (int i = 0; i < count; i++) {
                        serials[i] = Sscc.of(pool.extensionDigit, prefix, counters[i]).value();
                    }
                } else {
                    report.codecs().get(poolIndex).serials(counters, count, serials);
                }
                StringBuilder out = new StringBuilder(count * 64);
                for (int i = 0; i < count; i++) {
                    row.write(serials[i], pool, out);
                }
                next += count;
                if (next >= current.to()) {
                    range++;
                    if (range < report.ranges().size()) {
                        next = report.ranges().get(range).from();
                    }
                }
                return Buffer.buffer(out.toString());
            }
        };
        return Multi.createFrom().iterable(chunks).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static int indexOf(List<SerialPool> pools, long id) {
        for (int i = 0; i < pools.size(); i++) {
            if (pools.get(i).id == id) {
                return i;
            }
        }
        throw new IllegalStateException("allocation of an unknown pool " + id);
    }

    private static int companyPrefixLength(Report report) {
        String gtin = report.workOrder().gtin;
        if (report.config() != null && report.config().config().gs1CompanyPrefixes() != null) {
            for (var prefix : report.config().config().gs1CompanyPrefixes()) {
                if (gtin.startsWith(prefix.prefix(), 1)) {
                    return prefix.prefix().length();
                }
            }
        }
        throw new ApiException.Conflict("COMPANY_PREFIX_UNKNOWN", "The EPC URN needs the company prefix of GTIN " + gtin
            + ": add it to gs1_company_prefixes in the configuration");
    }

    private static String format(String format) {
        String chosen = format == null ? "element" : format;
        if (!FORMATS.contains(chosen)) {
            throw ApiException.Validation.of("format", "Must be element, urn or dl");
        }
        return chosen;
    }

    /** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
    static StringBuilder csv(StringBuilder out, String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0) {
            return out.append(field);
        }
        return out.append('"').append(field.replace("\"", "\"\"")).append('"');
    }
}
