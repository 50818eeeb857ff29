package org.serialgen.generation.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import org.serialgen.generation.packing.PackingEvent;
import org.serialgen.generation.workorder.WorkOrder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.vertx.core.buffer.Buffer;

/** The JSON-LD form of an EPCIS 2.0 document; one JSON generator keeps commas, nesting and escaping across chunks. */
final class EpcisDocument extends EpcisWriter {

    static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator json;

    EpcisDocument(Identifiers serials, Identifiers ssccs, EpcisLocation location) {
        super(serials, ssccs, location);
        try {
            this.json = JSON.createGenerator(sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
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

    @Override
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

    @Override
    Buffer epcs(NumberChunk chunk) {
        return write(() -> {
            for (int i = 0; i < chunk.count(); i++) {
                json.writeString(urn(chunk, i));
            }
        });
    }

    @Override
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

    @Override
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

    @Override
    Buffer tail() {
        return write(() -> {
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    @Override
    protected void flush() throws IOException {
        json.flush();
    }
}
