package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Idempotent answers and pending queries again, on the durable store. */
@QuarkusTest
@TestProfile(DurableProfile.class)
class DurableAnswerIdempotencyTest extends AnswerIdempotencyTest {
}
