package io.elicitor.experiment;

import io.elicitor.session.Enrolment.ArmChoice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which arm a new session gets, from the experiment alone: the unit key decides, and the arm's params carry over. */
class ExperimentEnrolmentTest {
    private static final List<Arm> ARMS = List.of(new Arm("control", "random", null, 1.0),
            new Arm("evoi", "gradient", new Arm.ArmParams(3, 256, 3.5, 6, null, null), 1.0));

    private static Experiment experiment(String unit) {
        return new Experiment("exp-1", "x", "cars", unit, "salt-salt", ARMS, "running", Instant.EPOCH, null);
    }

    @Test
    void aUserKeyExperimentFollowsTheUserAndSkipsSessionsWithoutOne() {
        Experiment e = experiment("userKey");
        for (int u = 0; u < 50; u++) {
            ArmChoice a = ExperimentEnrolment.choose(e, "session-" + u, "user-" + u).orElseThrow();
            ArmChoice b = ExperimentEnrolment.choose(e, "another-session", "user-" + u).orElseThrow();
            assertEquals(a, b);
            assertEquals(ARMS.get(ArmAssigner.arm("salt-salt", "user-" + u, ARMS)).name(), a.arm());
        }
        assertEquals(Optional.empty(), ExperimentEnrolment.choose(e, "session-1", null));
    }

    @Test
    void aSessionExperimentUsesTheSessionIdAndCarriesTheArmsParams() {
        Experiment e = experiment("session");
        boolean sawEvoi = false;
        for (int s = 0; s < 50; s++) {
            ArmChoice a = ExperimentEnrolment.choose(e, "session-" + s, null).orElseThrow();
            assertEquals(ARMS.get(ArmAssigner.arm("salt-salt", "session-" + s, ARMS)).name(), a.arm());
            assertEquals("exp-1", a.experimentId());
            if (a.arm().equals("evoi")) {
                sawEvoi = true;
                assertEquals(new ArmChoice("exp-1", "evoi", "gradient", 3, 256, 3.5, 6, null, null), a);
            } else {
                assertEquals(new ArmChoice("exp-1", "control", "random", null, null, null, null, null, null), a);
            }
        }
        assertTrue(sawEvoi);
    }
}
