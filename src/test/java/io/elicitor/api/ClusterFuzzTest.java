package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link DurableFuzzTest} with the live state in a local three-master Redis Cluster: hostile requests get no 5xx. */
@QuarkusTest
@TestProfile(DurableClusterProfile.class)
class ClusterFuzzTest extends DurableFuzzTest {}
