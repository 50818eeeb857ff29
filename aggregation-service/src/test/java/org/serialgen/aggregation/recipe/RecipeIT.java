package org.serialgen.aggregation.recipe;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The recipe API's tests, against the packaged service. */
@QuarkusIntegrationTest
class RecipeIT extends RecipeTest {
}
