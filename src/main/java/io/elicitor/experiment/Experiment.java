package io.elicitor.experiment;

import java.time.Instant;
import java.util.List;

/**
 * A stored experiment.
 *
 * @param id random id
 * @param name what it compares, for people
 * @param catalog the catalog whose new sessions it assigns
 * @param unit {@code session} (each session drawn independently) or {@code userKey} (sticky per user)
 * @param salt random per experiment, so that two experiments split the same users independently
 * @param arms the arms, the first being the control every other arm is compared with
 * @param status {@code running} or {@code stopped}
 * @param createdAt creation time
 * @param stoppedAt when it was stopped, or null
 */
public record Experiment(String id, String name, String catalog, String unit, String salt, List<Arm> arms, String status,
                         Instant createdAt, Instant stoppedAt) {
    /** Freezes the arms. */
    public Experiment {
        arms = List.copyOf(arms);
    }

    /** Whether new sessions are assigned by it. */
    public boolean running() {
        return "running".equals(status);
    }
}
