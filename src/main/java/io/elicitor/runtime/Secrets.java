package io.elicitor.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a secret from a file (a Kubernetes Secret mounted as a volume, a file only the service user may read), so that
 * it never has to appear on a command line or in the process environment, where {@code ps} and crash reports show it.
 */
public final class Secrets {
    /** Longest secret file read: a key, not a document. */
    static final int MAX_BYTES = 4_096;

    private Secrets() {}

    /**
     * The secret from {@code inline} or {@code file}, at most one of which may be set; the file's content loses its
     * trailing whitespace (editors and {@code echo} add a newline). Fails, naming {@code key}, when both are set or the
     * file is unreadable, empty or too long: a misconfigured secret must stop the start, not disable a guard.
     */
    public static Optional<String> of(String key, Optional<String> inline, Optional<Path> file) {
        if (inline.isPresent() && file.isPresent()) {
            throw new IllegalStateException("set " + key + " or " + key + "-file, not both");
        }
        if (file.isEmpty()) {
            return inline.filter(s -> !s.isEmpty());
        }
        Path f = file.get();
        try {
            if (Files.size(f) > MAX_BYTES) {
                throw new IllegalStateException(key + "-file " + f + " is over " + MAX_BYTES + " bytes");
            }
            String secret = Files.readString(f, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw new IllegalStateException(key + "-file " + f + " is empty");
            }
            return Optional.of(secret);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + key + "-file " + f + ": " + e.getMessage(), e);
        }
    }
}
