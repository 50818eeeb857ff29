package org.serialgen.erpsync;

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
        SchemaCheck.assertMigrated(dataSource, "erp_sync", "erp_workorder", "erp_failed_record", "outbox_event", "consumed_event");
    }

    @Test
    void theServiceCannotReadAnotherServicesSchema() throws Exception {
        SchemaCheck.assertCannotReadOtherSchemas(dataSource, "erp_sync");
    }
}
