package org.serialgen.gateway;

import org.serialgen.testkit.JwtKeysResource;
import org.serialgen.testkit.KafkaBrokerResource;

import io.quarkus.test.common.QuarkusTestResource;

/** The real broker, the run's JWT keys and the four services behind the gateway, once for every test here. */
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(JwtKeysResource.class)
@QuarkusTestResource(SuiteServicesResource.class)
public class SuiteResources {
}
