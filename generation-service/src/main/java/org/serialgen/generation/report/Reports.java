package org.serialgen.generation.report;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.generation.pool.AllocationRepository;
import org.serialgen.generation.pool.AllocationRepository.PooledRange;
import org.serialgen.generation.pool.Kind;
import org.serialgen.generation.pool.PoolRepository;
import org.serialgen.generation.pool.Pools;
import org.serialgen.generation.pool.SerialPool;
import org.serialgen.generation.source.ExternalSerialRepository;
import org.serialgen.generation.source.ExternalSerialRepository.PooledValue;
import org.serialgen.generation.source.ExternalSerialRepository.Selection;
import org.serialgen.events.ConfigActivated;
import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.generation.workorder.WorkOrders;
import org.serialgen.gs1.CompanyPrefix;
import org.serialgen.gs1.Sscc;
import org.serialgen.kit.configreplica.ConfigReplica;
import org.serialgen.kit.context.Pages;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The numbers a work order holds, for reports: read once, then streamed chunk by chunk while the response is being
 * written — the allocated ranges turned into serials or SSCCs on a worker thread, then the external values page by
 * page — so a report of millions of numbers never sits in memory.
 */
@ApplicationScoped
class Reports {

    /** Numbers per chunk: the batch FF1 works on, and a page of external values. */
    static final int CHUNK = 8192;

    private final WorkOrders workOrders;
    private final AllocationRepository allocations;
    private final ExternalSerialRepository externalSerials;
    private final PoolRepository poolRepository;
    private final Pools pools;
    private final ConfigReplica replica;

    Reports(WorkOrders workOrders, AllocationRepository allocations, ExternalSerialRepository externalSerials,
            PoolRepository poolRepository, Pools pools, ConfigReplica replica) {
        this.workOrders = workOrders;
        this.allocations = allocations;
        this.externalSerials = externalSerials;
        this.poolRepository = poolRepository;
        this.pools = pools;
        this.replica = replica;
    }

    /** What the work order holds of the kind now; read in a session of its own ({@code @WithSession} covers Unis). */
    Uni<IssuedNumbers> issued(String workOrderKey, Kind kind) {
        Context context = Vertx.currentContext();
        return Panache.withSession(() -> workOrders.find(workOrderKey).flatMap(wo -> issued(wo, kind, context)));
    }

    private Uni<IssuedNumbers> issued(WorkOrder wo, Kind kind, Context context) {
        return allocations.activeRanges(wo.id, kind).flatMap(ranges -> externalSerials.poolsHeldBy(wo.id, kind)
            .flatMap(external -> codecs(Stream.concat(ranges.stream().map(PooledRange::poolId), external.stream())
                    .distinct().toList())
                .flatMap(codecs -> replica.current().map(config -> new IssuedNumbers(wo, kind, ranges, codecs,
                    external.isEmpty() ? null : Selection.held(wo.id, kind), config, context)))));
    }

    /**
     * Every issue of the work order's numbers and every voiding of them, oldest first (a commissioning before a
     * decommissioning of the same moment), each with the numbers it covered: what an EPCIS document tells.
     */
    Uni<List<IssueEvent>> events(String workOrderKey) {
        Context context = Vertx.currentContext();
        return Panache.withSession(() -> workOrders.find(workOrderKey).flatMap(wo -> replica.current()
            .flatMap(config -> Multi.createFrom().items(Kind.values()).onItem()
                .transformToUniAndConcatenate(kind -> events(wo, kind, config, context))
                .collect().asList().map(kinds -> kinds.stream().flatMap(List::stream)
                    .sorted(IssueEvent.CHRONOLOGICAL).toList()))));
    }

    private Uni<List<IssueEvent>> events(WorkOrder wo, Kind kind, ConfigActivated config, Context context) {
        return allocations.issuedRanges(wo.id, kind).flatMap(ranges -> externalSerials.deliveries(wo.id, kind)
            .flatMap(deliveries -> codecs(Stream.concat(ranges.stream().map(r -> r.range().poolId()),
                    deliveries.stream().flatMap(d -> d.poolIds().stream())).distinct().toList())
                .map(codecs -> IssueEvent.of(ranges, deliveries, (event, selected, external) -> new IssuedNumbers(wo,
                    kind, selected, codecs, external ? new Selection(wo.id, kind, event.task(), event.voidedAt())
                    : null, config, context)))));
    }

    private Uni<Map<Long, IssuedNumbers.PoolCodec>> codecs(List<Long> poolIds) {
        return poolRepository.byIds(poolIds).flatMap(found -> {
            Uni<Map<Long, IssuedNumbers.PoolCodec>> all = Uni.createFrom().item(new HashMap<>());
            for (SerialPool pool : found) {
                all = all.flatMap(map -> pools.codec(pool).map(codec -> {
                    map.put(pool.id, new IssuedNumbers.PoolCodec(pool, codec));
                    return map;
                }));
            }
            return all;
        });
    }

    /** The allocated numbers, then the values external sources delivered. */
    Multi<NumberChunk> stream(IssuedNumbers issued) {
        Multi<NumberChunk> allocated = Multi.createFrom().iterable(() -> new AllocatedChunks(issued))
            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return issued.external() != null ? Multi.createBy().concatenating().streams(allocated, external(issued)) : allocated;
    }

    /**
     * Page by page in the order of the key (pool, value), each page read on the request's context in a session of
     * its own, so that a million external serials never sit in memory either.
     */
    private Multi<NumberChunk> external(IssuedNumbers issued) {
        return Multi.createFrom().deferred(() -> {
            PooledValue[] after = {new PooledValue(-1, "")};
            return Pages.onContext(issued.context(), () -> Panache.withSession(() ->
                    externalSerials.page(issued.external(), after[0], CHUNK)))
                .onItem().transformToMultiAndConcatenate(page -> {
                    after[0] = page.get(page.size() - 1);
                    return Multi.createFrom().iterable(byPool(issued, page));
                });
        });
    }

    /** A page of external values, split where the pool changes. */
    private static List<NumberChunk> byPool(IssuedNumbers issued, List<PooledValue> page) {
        List<NumberChunk> chunks = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 1; i <= page.size(); i++) {
            if (i == page.size() || page.get(i).poolId() != page.get(start).poolId()) {
                String[] values = page.subList(start, i).stream().map(PooledValue::value).toArray(String[]::new);
                chunks.add(new NumberChunk(issued.pool(page.get(start).poolId()).pool(), values, values.length));
                start = i;
            }
        }
        return chunks;
    }

    /** The allocated ranges' numbers, {@link #CHUNK} at a time, derived as they are asked for. */
    private static final class AllocatedChunks implements Iterator<NumberChunk> {

        private final IssuedNumbers issued;
        private final long[] counters = new long[CHUNK];
        private int range;
        private long next;

        AllocatedChunks(IssuedNumbers issued) {
            this.issued = issued;
            this.next = issued.ranges().isEmpty() ? 0 : issued.ranges().get(0).counters().from();
        }

        @Override
        public boolean hasNext() {
            return range < issued.ranges().size();
        }

        @Override
        public NumberChunk next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            PooledRange current = issued.ranges().get(range);
            IssuedNumbers.PoolCodec pool = issued.pool(current.poolId());
            int count = (int) Math.min(CHUNK, current.counters().to() - next);
            for (int i = 0; i < count; i++) {
                counters[i] = next + i;
            }
            String[] values = new String[count];
            if (pool.pool().kind == Kind.SSCC) {
                CompanyPrefix prefix = new CompanyPrefix(pool.pool().companyPrefix);
                for (int i = 0; i < count; i++) {
                    values[i] = Sscc.of(pool.pool().extensionDigit, prefix, counters[i]).value();
                }
            } else {
                pool.codec().serials(counters, count, values);
            }
            next += count;
            if (next >= current.counters().to() && ++range < issued.ranges().size()) {
                next = issued.ranges().get(range).counters().from();
            }
            return new NumberChunk(pool.pool(), values, count);
        }
    }
}
