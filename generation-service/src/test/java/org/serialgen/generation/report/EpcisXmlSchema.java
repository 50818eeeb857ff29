package org.serialgen.generation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** GS1's official EPCIS 2.0 XML Schema (test resources, source and licence named there), as an assertion. */
public final class EpcisXmlSchema {

    private static final Schema SCHEMA = load();

    private EpcisXmlSchema() {
    }

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // the imports are the files beside it, nothing fetched
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            return factory.newSchema(EpcisXmlSchema.class.getResource("/epcis/xsd/EPCglobal-epcis-2_0.xsd"));
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every error and warning of the document against the schema, none expected. */
    public static void assertValid(String document) {
        List<String> problems = new ArrayList<>();
        Validator validator = SCHEMA.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                problems.add("warning: " + e.getMessage());
            }

            @Override
            public void error(SAXParseException e) {
                problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add("fatal: " + e.getMessage());
            }
        });
        try {
            validator.validate(new StreamSource(new StringReader(document)));
        } catch (SAXException e) {
            problems.add("fatal: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), problems, "EPCIS 2.0 XML Schema");
    }
}
