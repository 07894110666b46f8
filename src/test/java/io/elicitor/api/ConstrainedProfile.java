package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A small instance: catalogs above 300 items get an ANN index (so the bundled cars take that path, and a copy of
 * them loaded by an admin is built in the background), and the in-memory store has 400 KB for sessions (about seven
 * awake cars sessions, so that more put the least recently used to sleep).
 */
public class ConstrainedProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("elicitor.ann-threshold", "300", "elicitor.memory-max-bytes", "400000");
    }
}
