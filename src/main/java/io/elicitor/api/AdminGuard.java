package io.elicitor.api;

import io.elicitor.config.ElicitorConfig;
import io.elicitor.runtime.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks the {@code X-Admin-Key} header against {@code elicitor.admin-key}, in constant time; 401 otherwise. */
@ApplicationScoped
public class AdminGuard {
    @Inject
    ElicitorConfig config;

    /** Returns when {@code key} is the admin key; without a configured key every admin call is refused. */
    public void require(String key) {
        String expected = config.adminKey().orElse("");
        boolean ok = !expected.isEmpty() && key != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            throw new Refusal(Refusal.Kind.UNAUTHORIZED, "X-Admin-Key", expected.isEmpty()
                    ? "admin endpoints are disabled: set elicitor.admin-key (ELICITOR_ADMIN_KEY)"
                    : "a valid X-Admin-Key header is required");
        }
    }
}
