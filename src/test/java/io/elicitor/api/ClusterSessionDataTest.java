package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link DurableSessionDataTest} with the live state in a local three-master Redis Cluster: export and deletion leave no key on any node. */
@QuarkusTest
@TestProfile(DurableClusterProfile.class)
class ClusterSessionDataTest extends DurableSessionDataTest {}
