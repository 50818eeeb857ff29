package org.serialgen.bench;

import static org.serialgen.bench.SuiteClient.env;

import java.util.ArrayList;
import java.util.List;

/**
 * Scale-out (deploy/bench-replicas.sh starts the suite with two replicas of every service): the same burst of
 * generate-serials requests first through one gateway (and so one generation-service), then with the connections
 * split over two gateways, each relaying to its own generation-service, on fresh work orders of the same pools; the
 * ratio of the rates is the figure. On a machine with fewer cores than processes the second replica shares the same
 * CPUs, so the ratio shows what the replicas cost and whether they contend (locks, the pool's allocation), not what a
 * second machine would add.
 */
final class ReplicaBenchmark {

    private final SuiteBenchmark bench;
    private final List<String> gateways;

    ReplicaBenchmark(SuiteBenchmark bench) {
        this.bench = bench;
        this.gateways = List.of(env("BENCH_GATEWAYS", "http://127.0.0.1:8080,http://127.0.0.1:8180").split(","))
            .stream().map(gateway -> gateway + "/api/v1").toList();
    }

    void run() throws Exception {
        int perRequest = 1_000;
        int requests = bench.concurrentRequests;
        System.out.printf("%n-- scale-out: %,d generate-serials of %,d over %d connections, through 1 gateway, then "
            + "split over %d gateways and their generation-services --%n", requests, perRequest, bench.connections,
            gateways.size());
        List<String> gtins = new ArrayList<>();
        for (int i = 0; i < bench.gtins; i++) {
            gtins.add(bench.newGtin());
        }
        List<String> warm = workOrders(gtins, bench.warmUp * 10, perRequest);
        List<String> one = workOrders(gtins, requests, perRequest);
        List<String> two = workOrders(gtins, requests, perRequest);
        bench.awaitDemands(warm);
        bench.awaitDemands(one);
        bench.awaitDemands(two);
        // the JIT, the pools and their keys warmed on both replicas alike
        bench.burst(gateways, warm, bench.warmUp * 10, perRequest);
        SuiteBenchmark.Burst single = bench.burst(gateways.subList(0, 1), one, requests, perRequest);
        bench.report("generate-serials 1 000, 1 replica", single.latencies());
        SuiteBenchmark.Burst split = bench.burst(gateways, two, requests, perRequest);
        bench.report("generate-serials 1 000, " + gateways.size() + " replicas", split.latencies());
        bench.line(String.format("scale-out: %.0f requests/s with %d replicas against %.0f with 1: ratio %.2f",
            split.perSecond(), gateways.size(), single.perSecond(), split.perSecond() / single.perSecond()));
        bench.held(one, requests, perRequest);
        bench.held(two, requests, perRequest);
        bench.audit();
    }

    private List<String> workOrders(List<String> gtins, int requests, int perRequest) throws Exception {
        List<String> wos = new ArrayList<>();
        int count = Math.max(1, bench.workOrders);
        long each = (long) Math.ceil((double) requests / count) * perRequest;
        for (int i = 0; i < count; i++) {
            wos.add(bench.workOrder(gtins.get(i % gtins.size()), each));
        }
        return wos;
    }
}
