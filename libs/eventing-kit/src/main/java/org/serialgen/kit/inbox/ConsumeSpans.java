package org.serialgen.kit.inbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.serialgen.events.EventEnvelope;
import org.serialgen.kit.request.RequestIds;
import org.serialgen.kit.tracing.Traces;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * The span of one consumed batch. It continues the trace of the batch's first event (an event on its own, the usual
 * case outside a burst, is then one trace from the request to here) and links the others' traces; the work orders and
 * request ids of the batch are its attributes, so a trace is found from either. While the handler runs the span is
 * current, so events the handler publishes carry the trace on.
 */
final class ConsumeSpans {

    /** Beyond this many, the work orders of a batch are not listed: the span says how many there were. */
    private static final int LISTED = 100;
    private static final AttributeKey<List<String>> WORK_ORDER_IDS = AttributeKey.stringArrayKey(
        "serialgen.work_order_ids");
    private static final AttributeKey<List<String>> REQUEST_IDS = AttributeKey.stringArrayKey("serialgen.request_ids");

    private ConsumeSpans() {
    }

    static Span of(Tracer tracer, String consumer, Map<KafkaRecord<String, String>, EventEnvelope> batch) {
        if (batch.isEmpty()) {
            return Span.getInvalid();
        }
        KafkaRecord<String, String> first = batch.keySet().iterator().next();
        SpanBuilder builder = tracer.spanBuilder(first.getTopic() + " process")
            .setSpanKind(SpanKind.CONSUMER)
            .setParent(Traces.continuing(name -> header(first.getHeaders(), name)))
            .setAttribute(Traces.CONSUMER, consumer)
            .setAttribute("messaging.system", "kafka")
            .setAttribute("messaging.destination.name", first.getTopic())
            .setAttribute("messaging.batch.message_count", (long) batch.size());
        Set<String> workOrders = new LinkedHashSet<>();
        Set<String> requests = new LinkedHashSet<>();
        Set<String> linked = new LinkedHashSet<>();
        for (Map.Entry<KafkaRecord<String, String>, EventEnvelope> entry : batch.entrySet()) {
            String workOrder = entry.getValue().payload().path("wo_id").asText(null);
            if (workOrder != null && workOrders.size() < LISTED) {
                workOrders.add(workOrder);
            }
            String request = header(entry.getKey().getHeaders(), RequestIds.HEADER);
            if (request != null && requests.size() < LISTED) {
                requests.add(request);
            }
            String traceParent = header(entry.getKey().getHeaders(), Traces.TRACE_PARENT);
            if (entry.getKey() != first && traceParent != null && linked.size() < LISTED && linked.add(traceParent)) {
                builder.addLink(Span.fromContext(Traces.continuing(traceParent)).getSpanContext());
            }
        }
        if (batch.size() == 1) {
            EventEnvelope event = batch.values().iterator().next();
            builder.setAttribute(Traces.EVENT_ID, event.eventId().toString())
                .setAttribute(Traces.EVENT_TYPE, event.eventType());
        }
        if (workOrders.size() == 1) {
            builder.setAttribute(Traces.WORK_ORDER_ID, workOrders.iterator().next());
        } else if (!workOrders.isEmpty()) {
            builder.setAttribute(WORK_ORDER_IDS, List.copyOf(workOrders));
        }
        if (requests.size() == 1) {
            builder.setAttribute(Traces.REQUEST_ID, requests.iterator().next());
        } else if (!requests.isEmpty()) {
            builder.setAttribute(REQUEST_IDS, List.copyOf(requests));
        }
        return builder.startSpan();
    }

    /** {@code work}, subscribed to with {@code span} current until it ends. */
    static <T> Uni<T> within(Span span, Supplier<Uni<T>> work) {
        if (!span.getSpanContext().isValid()) {
            return Uni.createFrom().deferred(work::get);
        }
        return Uni.createFrom().deferred(() -> {
            Scope scope = Context.current().with(span).makeCurrent();
            try {
                return work.get().eventually(() -> scope.close());
            } catch (RuntimeException e) {
                scope.close();
                throw e;
            }
        });
    }

    private static String header(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
