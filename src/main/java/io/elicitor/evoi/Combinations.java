package io.elicitor.evoi;

/**
 * The k-subsets of {@code 0..n−1}: how many there are, and each in turn in lexicographic order, for the searches
 * that score every slate of a pool prefix, every grid query of an attribute subset, or every attribute subset.
 */
public final class Combinations {
    private Combinations() {}

    /** {@code C(n, k)}, or {@code Long.MAX_VALUE} once it passes {@code Long.MAX_VALUE / 64} (no budget is that large). */
    public static long count(int n, int k) {
        long c = 1;
        for (int i = 0; i < k; i++) {
            c = c * (n - i) / (i + 1);
            if (c > Long.MAX_VALUE / 64) {
                return Long.MAX_VALUE;
            }
        }
        return c;
    }

    /** The first k-subset, {@code 0, 1, …, k−1}. */
    public static int[] first(int k) {
        int[] c = new int[k];
        for (int i = 0; i < k; i++) {
            c[i] = i;
        }
        return c;
    }

    /** Steps {@code c}, an ascending k-subset of {@code 0..n−1}, to the next in lexicographic order; false after the last. */
    public static boolean next(int[] c, int n) {
        int k = c.length;
        int i = k - 1;
        while (i >= 0 && c[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        c[i]++;
        for (int j = i + 1; j < k; j++) {
            c[j] = c[j - 1] + 1;
        }
        return true;
    }
}
