package org.serialgen.generation.report;

import java.time.Instant;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.serialgen.generation.packing.PackingEvent;
import org.serialgen.generation.workorder.WorkOrder;

import io.vertx.core.buffer.Buffer;

/**
 * The XML form of an EPCIS 2.0 document (GS1's {@code EPCglobal-epcis-2_0.xsd}): the same events as the JSON-LD
 * form, in the schema's element order, with the CBV's vocabulary as full URNs (XML has no JSON-LD context to expand
 * the short names) and the ILMD's lot and expiry in the CBV master-data namespace. One StAX writer keeps nesting and
 * escaping across chunks.
 */
final class EpcisXmlDocument extends EpcisWriter {

    static final String EPCIS = "urn:epcglobal:epcis:xsd:2";
    static final String CBV_MDA = "urn:epcglobal:cbv:mda";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final XMLStreamWriter xml;

    EpcisXmlDocument(Identifiers serials, Identifiers ssccs, EpcisLocation location) {
        super(serials, ssccs, location);
        try {
            this.xml = XML.createXMLStreamWriter(sink);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    Buffer head(Instant created) {
        return write(() -> {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("epcis", "EPCISDocument", EPCIS);
            xml.writeNamespace("epcis", EPCIS);
            xml.writeNamespace("cbvmda", CBV_MDA);
            xml.writeAttribute("schemaVersion", "2.0");
            xml.writeAttribute("creationDate", created.toString());
            xml.writeStartElement("EPCISBody");
            xml.writeStartElement("EventList");
        });
    }

    @Override
    Buffer eventStart(IssueEvent event) {
        return write(() -> {
            xml.writeStartElement("ObjectEvent");
            eventHead(event.time(), event.eventId());
            xml.writeStartElement("epcList");
        });
    }

    @Override
    Buffer epcs(NumberChunk chunk) {
        return write(() -> {
            for (int i = 0; i < chunk.count(); i++) {
                text("epc", urn(chunk, i));
            }
        });
    }

    @Override
    Buffer eventEnd(IssueEvent event, WorkOrder wo) {
        return write(() -> {
            xml.writeEndElement();
            boolean commissioning = !event.decommissioning();
            text("action", commissioning ? "ADD" : "DELETE");
            text("bizStep", "urn:epcglobal:cbv:bizstep:" + (commissioning ? "commissioning" : "decommissioning"));
            text("disposition", "urn:epcglobal:cbv:disp:" + (commissioning ? "active" : "inactive"));
            locations();
            if (commissioning && event.numbers().kind().tradeItem()) {
                xml.writeStartElement("ilmd");
                xml.writeStartElement(CBV_MDA, "lotNumber");
                xml.writeCharacters(wo.lot);
                xml.writeEndElement();
                xml.writeStartElement(CBV_MDA, "itemExpirationDate");
                xml.writeCharacters(wo.expiry.toString());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    @Override
    Buffer aggregation(PackingEvent event, String parentUrn, List<String> childUrns) {
        return write(() -> {
            xml.writeStartElement("AggregationEvent");
            eventHead(event.at(), event.eventId());
            text("parentID", parentUrn);
            xml.writeStartElement("childEPCs");
            for (String child : childUrns) {
                text("epc", child);
            }
            xml.writeEndElement();
            text("action", event.unpacking() ? "DELETE" : "ADD");
            text("bizStep", "urn:epcglobal:cbv:bizstep:" + (event.unpacking() ? "unpacking" : "packing"));
            text("disposition", "urn:epcglobal:cbv:disp:in_progress");
            locations();
            xml.writeEndElement();
        });
    }

    @Override
    Buffer tail() {
        return write(() -> {
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
        });
    }

    private void eventHead(Instant time, String eventId) throws XMLStreamException {
        text("eventTime", time.toString());
        text("eventTimeZoneOffset", "+00:00");
        text("eventID", eventId);
    }

    private void locations() throws XMLStreamException {
        if (location == null) {
            return;
        }
        for (String[] place : new String[][] {{"readPoint", location.readPoint()},
                                               {"bizLocation", location.bizLocation()}}) {
            if (place[1] != null) {
                xml.writeStartElement(place[0]);
                text("id", place[1]);
                xml.writeEndElement();
            }
        }
    }

    private void text(String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    @Override
    protected void flush() throws XMLStreamException {
        xml.flush();
    }
}
