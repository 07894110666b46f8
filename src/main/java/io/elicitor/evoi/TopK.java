package io.elicitor.evoi;

import java.util.Arrays;

/**
 * Keeps the {@code k} best (index, score) pairs seen so far in a small binary min-heap: {@code O(n log k)}
 * for n offers. Ties prefer the lower index, so selection is deterministic.
 */
public final class TopK {
    private final int capacity;
    private final int[] idx;
    private final double[] val;
    private int count;

    /** A collector for the {@code k} largest scores; k must be positive. */
    public TopK(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        this.capacity = k;
        this.idx = new int[k];
        this.val = new double[k];
    }

    /** Offers one candidate. */
    public void offer(int index, double score) {
        if (Double.isNaN(score)) {
            return;
        }
        if (count < capacity) {
            idx[count] = index;
            val[count] = score;
            siftUp(count++);
        } else if (better(index, score, idx[0], val[0])) {
            idx[0] = index;
            val[0] = score;
            siftDown(0);
        }
    }

    /** The kept indices, best first. */
    public int[] indices() {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> better(idx[a], val[a], idx[b], val[b]) ? -1 : 1);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = idx[order[i]];
        }
        return out;
    }

    /** Number of candidates kept so far. */
    public int size() {
        return count;
    }

    private static boolean better(int ia, double a, int ib, double b) {
        return a > b || (a == b && ia < ib);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int p = (i - 1) / 2;
            if (better(idx[p], val[p], idx[i], val[i])) {
                swap(i, p);
                i = p;
            } else {
                return;
            }
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int worst = i;
            if (l < count && better(idx[worst], val[worst], idx[l], val[l])) {
                worst = l;
            }
            if (r < count && better(idx[worst], val[worst], idx[r], val[r])) {
                worst = r;
            }
            if (worst == i) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        int ti = idx[a];
        idx[a] = idx[b];
        idx[b] = ti;
        double tv = val[a];
        val[a] = val[b];
        val[b] = tv;
    }
}
