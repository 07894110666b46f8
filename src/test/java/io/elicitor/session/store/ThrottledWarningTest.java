package io.elicitor.session.store;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One line per interval during an outage, with the count of what it held back. */
class ThrottledWarningTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void logsOncePerIntervalAndCountsTheRest() {
        AtomicLong now = new AtomicLong(5 * SECOND);
        ThrottledWarning w = new ThrottledWarning(Logger.getLogger(ThrottledWarningTest.class), Duration.ofSeconds(30), now::get);
        assertTrue(w.warn("failed: %s", "first"));
        for (int i = 0; i < 100; i++) {
            now.addAndGet(SECOND / 10);
            assertFalse(w.warn("failed: %s", "again"));
        }
        assertEquals(100, w.heldBack());
        now.addAndGet(20 * SECOND);
        assertTrue(w.warn("failed: %s", "after the interval"), "30 s after the first line");
        assertEquals(0, w.heldBack());
        assertFalse(w.warn("failed: %s", "right after"));
    }

    @Test
    void intervalMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ThrottledWarning(Logger.getLogger("x"), Duration.ZERO));
    }
}
