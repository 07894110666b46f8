package io.elicitor.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The production guards switched on for a test: a tight session rate limit, CORS for one front-end origin, and the
 * admin key read from a file (as a mounted secret would be) instead of a property.
 */
public class SecureDefaultsProfile implements QuarkusTestProfile {
    static final String FILE_KEY = "key-from-a-file";

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path key = Files.createTempFile("elicitor-admin-key", ".txt");
            Files.writeString(key, FILE_KEY + "\n");
            key.toFile().deleteOnExit();
            return Map.of("elicitor.session-rate.per-minute", "6", "elicitor.session-rate.burst", "3",
                    "quarkus.http.cors.enabled", "true", "quarkus.http.cors.origins", "https://app.example",
                    "elicitor.admin-key", "", "elicitor.admin-key-file", key.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
