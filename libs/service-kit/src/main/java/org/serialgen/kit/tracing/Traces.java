package org.serialgen.kit.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * What the suite adds to OpenTelemetry's own spans so that one trace can be found from what an operator holds: the
 * request id an error body gave them and the work order they are looking at. A trace crosses the outbox and Kafka as
 * a W3C {@code traceparent}: stored with the event in the transaction that makes it, carried as a record header, and
 * taken up by the consumer. With tracing off (the default) every span is a no-op and nothing is stored.
 */
public final class Traces {

    public static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("serialgen.request_id");
    public static final AttributeKey<String> WORK_ORDER_ID = AttributeKey.stringKey("serialgen.work_order_id");
    public static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("serialgen.event_id");
    public static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("serialgen.event_type");
    public static final AttributeKey<String> CONSUMER = AttributeKey.stringKey("serialgen.consumer");
    public static final String TRACE_PARENT = "traceparent";

    /** A work order in a path of the API: {@code …/workorders/{wo_id}/…}. */
    private static final Pattern WORK_ORDER_PATH = Pattern.compile("/workorders/([^/?]+)");

    private Traces() {
    }

    /** Tags the current span (the server span of an HTTP request) with its request id and work order, if any. */
    public static void tagRequest(String requestId, String path) {
        Span span = Span.current();
        if (!span.getSpanContext().isValid()) {
            return;
        }
        span.setAttribute(REQUEST_ID, requestId);
        Matcher workOrder = WORK_ORDER_PATH.matcher(path);
        if (workOrder.find()) {
            span.setAttribute(WORK_ORDER_ID, workOrder.group(1));
        }
    }

    /** The current span as a W3C {@code traceparent}, or null when there is none (tracing off, or no trace here). */
    public static String currentTraceParent() {
        return traceParentOf(Context.current());
    }

    public static String traceParentOf(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return carrier.get(TRACE_PARENT);
    }

    /** The context a stored or received {@code traceparent} continues; the root context when there is none. */
    public static Context continuing(String traceParent) {
        return continuing(traceParent == null ? name -> null : name -> TRACE_PARENT.equals(name) ? traceParent : null);
    }

    /** Like {@link #continuing(String)}, reading the {@code traceparent} from headers by name. */
    public static Context continuing(Function<String, String> header) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), header, new TextMapGetter<>() {
            @Override
            public Iterable<String> keys(Function<String, String> carrier) {
                return java.util.List.of(TRACE_PARENT);
            }

            @Override
            public String get(Function<String, String> carrier, String key) {
                return carrier == null ? null : carrier.apply(key);
            }
        });
    }
}
