package org.serialgen.kit;

import org.serialgen.testkit.KafkaBrokerResource;

import io.quarkus.test.common.QuarkusTestResource;

/** The real broker, once for every test of the kit. */
@QuarkusTestResource(KafkaBrokerResource.class)
public class KitResources {
}
