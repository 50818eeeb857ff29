package org.serialgen.gateway;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** What the gateway answers by itself, against the packaged gateway. */
@QuarkusIntegrationTest
class GatewayIT extends GatewayTest {
}
