package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link DurableSessionsTest} with the live state in a local three-master Redis Cluster: the log rebuilds a lost cache, a second instance continues, outages. */
@QuarkusTest
@TestProfile(DurableClusterProfile.class)
class ClusterSessionsTest extends DurableSessionsTest {}
