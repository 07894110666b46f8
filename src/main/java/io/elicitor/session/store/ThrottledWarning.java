package io.elicitor.session.store;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * A recurring warning logged at most once per interval, with the count of those it held back: during an
 * outage (Redis down: every read misses) the log gets one line every 30 seconds, not one per request. Metrics
 * still count every occurrence. Thread-safe.
 */
final class ThrottledWarning {
    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final AtomicLong nextDue;
    private final AtomicLong heldBack = new AtomicLong();

    /** Throttles on the system's monotonic clock. */
    ThrottledWarning(Logger log, Duration interval) {
        this(log, interval, System::nanoTime);
    }

    /** Throttles on the given nanosecond clock (tests). */
    ThrottledWarning(Logger log, Duration interval, LongSupplier clock) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.nextDue = new AtomicLong(clock.getAsLong());
    }

    /** Logs {@code format} with {@code args} unless one was logged within the interval; says whether it logged. */
    boolean warn(String format, Object... args) {
        long now = clock.getAsLong();
        long due = nextDue.get();
        if (now - due < 0 || !nextDue.compareAndSet(due, now + intervalNanos)) {
            heldBack.incrementAndGet();
            return false;
        }
        long held = heldBack.getAndSet(0);
        log.warnf(held == 0 ? format : format + " (and " + held + " more like it since the last such line)", args);
        return true;
    }

    /** Occurrences held back since the last logged line. */
    long heldBack() {
        return heldBack.get();
    }
}
