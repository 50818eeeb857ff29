package org.serialgen.gateway;

import org.serialgen.testkit.JwtKeysResource;
import org.serialgen.testkit.KafkaBrokerResource;

import io.quarkus.test.common.QuarkusTestResource;

/** The real broker (the live view reads it), the run's JWT keys and the gateway's users, once for every test. */
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(JwtKeysResource.class)
@QuarkusTestResource(GatewayResources.class)
public class SuiteResources {
}
