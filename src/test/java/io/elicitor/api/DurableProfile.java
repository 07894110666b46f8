package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Runs the application with the durable store: the real PostgreSQL and Redis that {@code .ci/run} starts. */
public class DurableProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("elicitor.store", "durable");
    }
}
