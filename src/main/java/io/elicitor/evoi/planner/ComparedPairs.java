package io.elicitor.evoi.planner;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The item pairs a session's answered item questions have already compared. A slate all of whose pairs are among
 * them repeats what the person has told already: a real person answers it the same way again (a wasted question)
 * and notices. For pairs this is exactly "the same question again"; for larger slates it also covers a slate made
 * of items already compared with one another. Immutable.
 */
public final class ComparedPairs {
    /** Nothing compared yet. */
    public static final ComparedPairs NONE = new ComparedPairs(Set.of());

    private final Set<Long> pairs;

    private ComparedPairs(Set<Long> pairs) {
        this.pairs = pairs;
    }

    /** The pairs within each of {@code slates} (catalog rows). */
    public static ComparedPairs of(List<int[]> slates) {
        Set<Long> pairs = new HashSet<>();
        for (int[] s : slates) {
            for (int a = 0; a < s.length; a++) {
                for (int b = a + 1; b < s.length; b++) {
                    pairs.add(key(s[a], s[b]));
                }
            }
        }
        return new ComparedPairs(Set.copyOf(pairs));
    }

    /** Whether every pair of {@code slate} has been compared, so asking it tells nothing new. */
    public boolean covers(int[] slate) {
        if (pairs.isEmpty()) {
            return false;
        }
        for (int a = 0; a < slate.length; a++) {
            for (int b = a + 1; b < slate.length; b++) {
                if (!pairs.contains(key(slate[a], slate[b]))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Number of distinct pairs compared. */
    public int size() {
        return pairs.size();
    }

    private static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | (Math.max(a, b) & 0xffffffffL);
    }
}
