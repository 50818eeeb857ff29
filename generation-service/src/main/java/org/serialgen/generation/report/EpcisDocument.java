package org.serialgen.generation.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

import org.serialgen.generation.pool.Kind;
import org.serialgen.generation.workorder.WorkOrder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.vertx.core.buffer.Buffer;

/**
 * An EPCIS 2.0 JSON-LD document with one commissioning ObjectEvent (action ADD, bizStep commissioning, disposition
 * active) over a work order's SGTINs and SSCCs, written as it streams: one JSON generator keeps the document's
 * structure (commas, nesting, escaping) across chunks, and each step hands over what it wrote. One per download.
 */
final class EpcisDocument {

    static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    private static final JsonFactory JSON = new JsonFactory();

    private final StringWriter sink = new StringWriter();
    private final JsonGenerator json;
    private final Identifiers serials;
    private final Identifiers ssccs;

    /** {@code serials} and {@code ssccs} render as EPC URNs. */
    EpcisDocument(Identifiers serials, Identifiers ssccs) {
        this.serials = serials;
        this.ssccs = ssccs;
        try {
            this.json = JSON.createGenerator(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything before the first EPC. */
    Buffer head(WorkOrder wo, Instant now) {
        return write(() -> {
            json.writeStartObject();
            json.writeArrayFieldStart("@context");
            json.writeString(CONTEXT);
            json.writeEndArray();
            json.writeStringField("type", "EPCISDocument");
            json.writeStringField("schemaVersion", "2.0");
            json.writeStringField("creationDate", now.toString());
            json.writeObjectFieldStart("epcisBody");
            json.writeArrayFieldStart("eventList");
            json.writeStartObject();
            json.writeStringField("type", "ObjectEvent");
            json.writeStringField("eventTime", now.toString());
            json.writeStringField("eventTimeZoneOffset", "+00:00");
            json.writeStringField("action", "ADD");
            json.writeStringField("bizStep", "commissioning");
            json.writeStringField("disposition", "active");
            json.writeObjectFieldStart("ilmd");
            json.writeStringField("cbvmda:lotNumber", wo.lot);
            json.writeStringField("cbvmda:itemExpirationDate", wo.expiry.toString());
            json.writeEndObject();
            json.writeArrayFieldStart("epcList");
        });
    }

    /** The EPC URNs of a chunk of numbers. */
    Buffer epcs(NumberChunk chunk) {
        return write(() -> {
            for (int i = 0; i < chunk.count(); i++) {
                String value = chunk.values()[i];
                json.writeString(chunk.pool().kind == Kind.SERIAL ? serials.sgtin(value)
                    : ssccs.sscc(value, chunk.pool().companyPrefix.length()));
            }
        });
    }

    /** Everything after the last EPC. */
    Buffer tail() {
        return write(() -> {
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    private interface Step {
        void run() throws IOException;
    }

    private Buffer write(Step step) {
        try {
            step.run();
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuffer written = sink.getBuffer();
        Buffer out = Buffer.buffer(written.toString());
        written.setLength(0);
        return out;
    }
}
