package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serialgen.suite.TraceCollector.ReceivedSpan;

import io.restassured.http.ContentType;

/**
 * Tracing as a site turns it on (README, Tracing): with {@code QUARKUS_OTEL_SDK_DISABLED=false} and a collector's
 * address, a work order entered through the gateway is one trace from the gateway's request through
 * generation-service, its outbox and Kafka to aggregation-service's consumer, and back to generation-service with
 * the breakdown; the request id and the work order are attributes a trace is found by.
 */
@ExtendWith(RunningSuite.class)
class TracingIT {

    static final List<String> TRACED = List.of("generation-service", "aggregation-service", RunningSuite.GATEWAY);

    @Test
    void aWorkOrderEnteredThroughTheGatewayIsOneTraceAcrossTheOutboxAndKafka() throws Exception {
        try (TraceCollector collector = TraceCollector.start()) {
            Map<String, String> tracing = Map.of(
                "QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", collector.endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
            try {
                TRACED.stream().map(module -> RunningSuite.restartWith(module, tracing)).toList()
                    .forEach(service -> service.awaitReady(Duration.ofSeconds(120)));
                String requestId = "req-trace-" + UUID.randomUUID();
                String woId = "WO-TRACE-" + UUID.randomUUID().toString().substring(0, 8);
                given().header("Authorization", FlowIT.login("supervisor")).header("X-Request-Id", requestId)
                    .contentType(ContentType.JSON).body("""
                        {"wo_id": "%s", "wo_name": "Traced", "gtin": "09506000134352", "lot": "T1",
                         "expiry": "2030-01-31", "quantity": 120}""".formatted(woId))
                    .post("/api/v1/serial-generation/workorders/").then().statusCode(201);

                ReceivedSpan request = await(collector, span -> span.service().equals(RunningSuite.GATEWAY)
                    && span.kind().equals("SPAN_KIND_SERVER") && requestId.equals(span.attributes()
                    .get("serialgen.request_id")));
                Predicate<ReceivedSpan> inTrace = span -> span.traceId().equals(request.traceId());
                ReceivedSpan entered = await(collector, inTrace.and(span -> span.service().equals("generation-service")
                    && span.kind().equals("SPAN_KIND_SERVER")));
                assertEquals(requestId, entered.attributes().get("serialgen.request_id"));
                ReceivedSpan published = await(collector, inTrace.and(span -> span.service()
                    .equals("generation-service") && span.kind().equals("SPAN_KIND_PRODUCER")));
                assertEquals(requestId, published.attributes().get("serialgen.request_id"));
                ReceivedSpan broken = await(collector, inTrace.and(span -> span.service().equals("aggregation-service")
                    && span.kind().equals("SPAN_KIND_CONSUMER")));
                assertEquals(woId, broken.attributes().get("serialgen.work_order_id"));
                assertEquals(requestId, broken.attributes().get("serialgen.request_id"));
                ReceivedSpan back = await(collector, inTrace.and(span -> span.service().equals("generation-service")
                    && span.kind().equals("SPAN_KIND_CONSUMER")
                    && woId.equals(span.attributes().get("serialgen.work_order_id"))));

                List<ReceivedSpan> trace = collector.spans().stream().filter(inTrace).toList();
                Set<String> ids = trace.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
                // one tree: every span but the gateway's request has its parent in the trace
                assertTrue(trace.stream().filter(span -> span != request).allMatch(span ->
                    ids.contains(span.parentSpanId())), "a span of the trace has no parent in it: " + trace);
                System.out.printf("[tracing] request %s, work order %s: %d spans in one trace across %s; consumed by"
                        + " aggregation as \"%s\", back in generation as \"%s\"%n", requestId, woId, trace.size(),
                    trace.stream().map(ReceivedSpan::service).distinct().sorted().toList(), broken.name(),
                    back.name());
            } finally {
                TRACED.stream().map(module -> RunningSuite.restartWith(module, Map.of())).toList()
                    .forEach(service -> service.awaitReady(Duration.ofSeconds(120)));
            }
        }
    }

    private static ReceivedSpan await(TraceCollector collector, Predicate<ReceivedSpan> wanted)
            throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            Optional<ReceivedSpan> found = collector.spans().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no such span within 60 s; received: " + collector.spans());
    }
}
