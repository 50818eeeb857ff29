package org.serialgen.generation.workorder;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The work-order form's tests, against the packaged service. */
@QuarkusIntegrationTest
class ManualWorkOrderIT extends ManualWorkOrderTest {
}
