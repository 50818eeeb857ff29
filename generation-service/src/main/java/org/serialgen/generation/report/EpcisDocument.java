package org.serialgen.generation.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import org.serialgen.generation.packing.PackingEvent;
import org.serialgen.generation.pool.Kind;
import org.serialgen.generation.workorder.WorkOrder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.vertx.core.buffer.Buffer;

/**
 * An EPCIS 2.0 JSON-LD document of a work order's numbers, written as it streams: an ObjectEvent per issue
 * (action ADD, bizStep commissioning, disposition active; trade items — items and bundles — with their lot and expiry
 * as ILMD, logistic units without) and per voiding (action DELETE, bizStep decommissioning, disposition inactive). One JSON generator
 * keeps the document's structure (commas, nesting, escaping) across chunks, and each step hands over what it wrote.
 * One per download.
 */
final class EpcisDocument {

    static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    private static final JsonFactory JSON = new JsonFactory();

    private final StringWriter sink = new StringWriter();
    private final JsonGenerator json;
    private final Identifiers serials;
    private final Identifiers ssccs;
    private final EpcisLocation location;

    /** {@code serials} and {@code ssccs} render as EPC URNs; {@code location} may be null (none configured). */
    EpcisDocument(Identifiers serials, Identifiers ssccs, EpcisLocation location) {
        this.serials = serials;
        this.ssccs = ssccs;
        this.location = location;
        try {
            this.json = JSON.createGenerator(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Everything before the first event. {@code created} is the time of the newest event, not of the download: the
     * document is the same on every download until something new happens to the work order's numbers.
     */
    Buffer head(Instant created) {
        return write(() -> {
            json.writeStartObject();
            json.writeArrayFieldStart("@context");
            json.writeString(CONTEXT);
            json.writeEndArray();
            json.writeStringField("type", "EPCISDocument");
            json.writeStringField("schemaVersion", "2.0");
            json.writeStringField("creationDate", created.toString());
            json.writeObjectFieldStart("epcisBody");
            json.writeArrayFieldStart("eventList");
        });
    }

    /** An event up to its first EPC. */
    Buffer eventStart(IssueEvent event) {
        return write(() -> {
            json.writeStartObject();
            json.writeStringField("type", "ObjectEvent");
            json.writeStringField("eventTime", event.time().toString());
            json.writeStringField("eventTimeZoneOffset", "+00:00");
            json.writeStringField("eventID", event.eventId());
            json.writeArrayFieldStart("epcList");
        });
    }

    /** The EPC URNs of a chunk of numbers. */
    Buffer epcs(NumberChunk chunk) {
        return write(() -> {
            for (int i = 0; i < chunk.count(); i++) {
                String value = chunk.values()[i];
                json.writeString(chunk.pool().kind == Kind.SERIAL ? serials.sgtin(chunk.pool(), value)
                    : ssccs.sscc(value, chunk.pool().companyPrefix.length()));
            }
        });
    }

    /** An event after its last EPC. */
    Buffer eventEnd(IssueEvent event, WorkOrder wo) {
        return write(() -> {
            json.writeEndArray();
            boolean commissioning = !event.decommissioning();
            json.writeStringField("action", commissioning ? "ADD" : "DELETE");
            json.writeStringField("bizStep", commissioning ? "commissioning" : "decommissioning");
            json.writeStringField("disposition", commissioning ? "active" : "inactive");
            if (location != null) {
                location("readPoint", location.readPoint());
                location("bizLocation", location.bizLocation());
            }
            if (commissioning && event.numbers().kind().tradeItem()) {
                json.writeObjectFieldStart("ilmd");
                json.writeStringField("cbvmda:lotNumber", wo.lot);
                json.writeStringField("cbvmda:itemExpirationDate", wo.expiry.toString());
                json.writeEndObject();
            }
            json.writeEndObject();
        });
    }

    /**
     * A recorded packing (action ADD, bizStep packing) or unpacking (DELETE, unpacking) of one container, with the
     * children it moved.
     */
    Buffer aggregation(PackingEvent event, String parentUrn, List<String> childUrns) {
        return write(() -> {
            json.writeStartObject();
            json.writeStringField("type", "AggregationEvent");
            json.writeStringField("eventTime", event.at().toString());
            json.writeStringField("eventTimeZoneOffset", "+00:00");
            json.writeStringField("eventID", event.eventId());
            json.writeStringField("parentID", parentUrn);
            json.writeArrayFieldStart("childEPCs");
            for (String child : childUrns) {
                json.writeString(child);
            }
            json.writeEndArray();
            json.writeStringField("action", event.unpacking() ? "DELETE" : "ADD");
            json.writeStringField("bizStep", event.unpacking() ? "unpacking" : "packing");
            json.writeStringField("disposition", "in_progress");
            if (location != null) {
                location("readPoint", location.readPoint());
                location("bizLocation", location.bizLocation());
            }
            json.writeEndObject();
        });
    }

    private void location(String field, String sgln) throws IOException {
        if (sgln != null) {
            json.writeObjectFieldStart(field);
            json.writeStringField("id", sgln);
            json.writeEndObject();
        }
    }

    /** Everything after the last event. */
    Buffer tail() {
        return write(() -> {
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
