package org.serialgen.configservice;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The configuration API's tests, against the packaged service. */
@QuarkusIntegrationTest
class ConfigResourceIT extends ConfigResourceTest {
}
