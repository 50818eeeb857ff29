package org.serialgen.aggregation;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.serialgen.testkit.SchemaCheck;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SchemaTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void migrationsApplyOnAnEmptySchema() throws Exception {
        SchemaCheck.assertMigrated(dataSource, "aggregation", "workorder_packaging", "replicated_config", "outbox_event", "consumed_event");
    }

    @Test
    void theServiceCannotReadAnotherServicesSchema() throws Exception {
        SchemaCheck.assertCannotReadOtherSchemas(dataSource, "aggregation");
    }
}
