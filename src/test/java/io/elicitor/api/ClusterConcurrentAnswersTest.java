package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ConcurrentAnswersTest} with the live state in a local three-master Redis Cluster: racing answers apply once. */
@QuarkusTest
@TestProfile(DurableClusterProfile.class)
class ClusterConcurrentAnswersTest extends ConcurrentAnswersTest {}
