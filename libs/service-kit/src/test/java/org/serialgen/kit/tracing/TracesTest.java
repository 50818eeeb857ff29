package org.serialgen.kit.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;

class TracesTest {

    /** The example of the W3C Trace Context recommendation, §3.2.2. */
    static final String EXAMPLE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void aStoredTraceParentIsContinuedAndWrittenBackUnchanged() {
        Context continued = Traces.continuing(EXAMPLE);
        SpanContext span = Span.fromContext(continued).getSpanContext();
        assertTrue(span.isValid());
        assertTrue(span.isRemote());
        assertEquals("0af7651916cd43dd8448eb211c80319c", span.getTraceId());
        assertEquals("b7ad6b7169203331", span.getSpanId());
        assertTrue(span.isSampled());
        assertEquals(EXAMPLE, Traces.traceParentOf(continued));
    }

    @Test
    void headersAreReadByName() {
        Map<String, String> headers = Map.of("traceparent", EXAMPLE, "x-request-id", "req-1");
        assertEquals("0af7651916cd43dd8448eb211c80319c",
            Span.fromContext(Traces.continuing(headers::get)).getSpanContext().getTraceId());
    }

    @Test
    void noTraceOrAMalformedOneContinuesNothing() {
        assertNull(Traces.traceParentOf(Traces.continuing((String) null)));
        assertFalse(Span.fromContext(Traces.continuing("00-not-a-trace-01")).getSpanContext().isValid());
        // an all-zero trace id is invalid by the recommendation
        assertFalse(Span.fromContext(Traces.continuing("00-00000000000000000000000000000000-b7ad6b7169203331-01"))
            .getSpanContext().isValid());
        assertNull(Traces.currentTraceParent(), "outside any span there is nothing to store");
    }
}
