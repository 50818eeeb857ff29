package org.serialgen.generation.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import org.serialgen.generation.packing.PackingEvent;
import org.serialgen.generation.pool.Kind;
import org.serialgen.generation.workorder.WorkOrder;

import io.vertx.core.buffer.Buffer;

/**
 * An EPCIS 2.0 document of a work order's numbers, written as it streams: an ObjectEvent per issue (action ADD,
 * bizStep commissioning, disposition active; trade items — items and bundles — with their lot and expiry as ILMD,
 * logistic units without), per voiding (action DELETE, bizStep decommissioning, disposition inactive), and an
 * AggregationEvent per recorded packing (ADD, packing) or unpacking (DELETE, unpacking) of a container. One writer
 * (JSON-LD or XML) keeps the document's structure across chunks, and each step hands over what it wrote. One per
 * download.
 */
abstract sealed class EpcisWriter permits EpcisDocument, EpcisXmlDocument {

    /** The two forms GS1 defines; JSON-LD is the default. */
    enum Form {
        JSON("application/ld+json", "epcis.jsonld"), XML("application/xml", "epcis.xml");

        final String contentType;
        final String fileName;

        Form(String contentType, String fileName) {
            this.contentType = contentType;
            this.fileName = fileName;
        }

        static Form parse(String format) {
            if (format == null || format.equals("jsonld")) {
                return JSON;
            }
            if (format.equals("xml")) {
                return XML;
            }
            throw org.serialgen.kit.errors.ApiException.Validation.of("format", "Must be jsonld or xml");
        }
    }

    protected final StringWriter sink = new StringWriter();
    private final Identifiers serials;
    private final Identifiers ssccs;
    protected final EpcisLocation location;

    /** {@code serials} and {@code ssccs} render as EPC URNs; {@code location} may be null (none configured). */
    protected EpcisWriter(Identifiers serials, Identifiers ssccs, EpcisLocation location) {
        this.serials = serials;
        this.ssccs = ssccs;
        this.location = location;
    }

    static EpcisWriter of(Form form, Identifiers serials, Identifiers ssccs, EpcisLocation location) {
        return form == Form.XML ? new EpcisXmlDocument(serials, ssccs, location)
            : new EpcisDocument(serials, ssccs, location);
    }

    /**
     * Everything before the first event. {@code created} is the time of the newest event, not of the download: the
     * document is the same on every download until something new happens to the work order's numbers.
     */
    abstract Buffer head(Instant created);

    /** An event up to its first EPC. */
    abstract Buffer eventStart(IssueEvent event);

    /** The EPC URNs of a chunk of numbers. */
    abstract Buffer epcs(NumberChunk chunk);

    /** An event after its last EPC. */
    abstract Buffer eventEnd(IssueEvent event, WorkOrder wo);

    /** A recorded packing or unpacking of one container, with the children it moved. */
    abstract Buffer aggregation(PackingEvent event, String parentUrn, List<String> childUrns);

    /** Everything after the last event. */
    abstract Buffer tail();

    /** The EPC URN of a chunk's {@code i}th number. */
    protected String urn(NumberChunk chunk, int i) {
        String value = chunk.values()[i];
        return chunk.pool().kind == Kind.SERIAL ? serials.sgtin(chunk.pool(), value)
            : ssccs.sscc(value, chunk.pool().companyPrefix.length());
    }

    protected interface Step {
        void run() throws Exception;
    }

    /** Runs the step, flushes the form's writer, and hands over what it wrote. */
    protected Buffer write(Step step) {
        try {
            step.run();
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        StringBuffer written = sink.getBuffer();
        Buffer out = Buffer.buffer(written.toString());
        written.setLength(0);
        return out;
    }

    protected abstract void flush() throws Exception;
}
