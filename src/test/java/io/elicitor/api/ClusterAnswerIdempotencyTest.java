package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link AnswerIdempotencyTest} with the live state in a local three-master Redis Cluster: a repeated answer gets the same body. */
@QuarkusTest
@TestProfile(DurableClusterProfile.class)
class ClusterAnswerIdempotencyTest extends AnswerIdempotencyTest {}
