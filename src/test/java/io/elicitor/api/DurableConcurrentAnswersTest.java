package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The concurrency guarantees again, with the compare-and-set done by PostgreSQL across the durable store. */
@QuarkusTest
@TestProfile(DurableProfile.class)
class DurableConcurrentAnswersTest extends ConcurrentAnswersTest {
}
