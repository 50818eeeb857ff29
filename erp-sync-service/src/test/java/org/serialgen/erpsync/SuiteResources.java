package org.serialgen.erpsync;

import org.serialgen.testkit.JwtKeysResource;
import org.serialgen.testkit.KafkaBrokerResource;

import io.quarkus.test.common.QuarkusTestResource;

/** Starts the real Kafka broker and the run's JWT keys once for every test of this module. */
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(JwtKeysResource.class)
@QuarkusTestResource(FakeErpResource.class)
public class SuiteResources {
}
