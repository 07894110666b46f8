package io.elicitor.api;

import io.elicitor.config.ElicitorConfig;
import io.elicitor.runtime.Refusal;
import io.elicitor.runtime.Secrets;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks the {@code X-Admin-Key} header against {@code elicitor.admin-key} or the content of
 * {@code elicitor.admin-key-file}, in constant time; 401 otherwise. Created at start, so a missing or unreadable key
 * file stops the service instead of silently disabling the guard.
 */
@Startup
@ApplicationScoped
public class AdminGuard {
    @Inject
    ElicitorConfig config;

    private String expected;

    @PostConstruct
    void readKey() {
        expected = Secrets.of("elicitor.admin-key", config.adminKey(), config.adminKeyFile()).orElse("");
    }

    /** Whether {@code key} is the admin key; always false when none is configured. */
    public boolean accepts(String key) {
        return !expected.isEmpty() && key != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns when {@code key} is the admin key; without a configured key every admin call is refused. */
    public void require(String key) {
        if (!accepts(key)) {
            throw new Refusal(Refusal.Kind.UNAUTHORIZED, "X-Admin-Key", expected.isEmpty()
                    ? "admin endpoints are disabled: set elicitor.admin-key-file (ELICITOR_ADMIN_KEY_FILE)"
                    : "a valid X-Admin-Key header is required");
        }
    }
}
