package org.serialgen.generation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** GS1's official EPCIS 2.0 JSON Schema (test resources, source and licence named there), as an assertion. */
public final class EpcisSchema {

    private static final Schema SCHEMA = load();

    private EpcisSchema() {
    }

    private static Schema load() {
        try (InputStream in = EpcisSchema.class.getResourceAsStream("/epcis/EPCIS-JSON-Schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertValid(String document) {
        List<Error> errors = SCHEMA.validate(document, InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), "EPCIS 2.0 JSON Schema");
    }
}
