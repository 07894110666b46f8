package io.elicitor.evoi.gradient;

import io.elicitor.evoi.TopK;
import io.elicitor.evoi.value.PoolEvaluator;
import io.elicitor.evoi.value.PoolScores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local search over discrete slates by exact coordinate moves: each round scans, for every slot, the PEU of
 * the slate with that slot showing each pool item ({@link SlotScan}), keeps the best few swaps per slot,
 * re-scores them with {@link PoolEvaluator#peu} in one batch and takes the best improvement; it stops when
 * no swap improves or after the round limit. The slot just changed is not scanned again in the next round;
 * scans are cached by the slate's other items, and a search reaching a slate another start already found
 * to be a local optimum stops there. One instance serves all starts of a query. A slate it returns is a single-swap local optimum (up to the
 * round limit), never worse than its start.
 */
final class SwapSearch {
    private final PoolScores pool;
    private final PoolEvaluator evaluator;
    private final SlotScan scan;
    private final int keep;
    private final Map<String, double[]> scans = new java.util.HashMap<>();
    private final java.util.Set<String> optima = new java.util.HashSet<>();

    /** A search over the pool, keeping the {@code keep} best swaps per slot of each scan. */
    SwapSearch(PoolScores pool, PoolEvaluator evaluator, SlotScan scan, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be >= 1, got " + keep);
        }
        this.pool = pool;
        this.evaluator = evaluator;
        this.scan = scan;
        this.keep = keep;
    }

    /** A slate with exact PEU. */
    record Scored(int[] slate, double peu) {}

    /** Improves {@code start} (pool indices, exact PEU {@code value}) by at most {@code rounds} best-improvement swaps. */
    Scored improve(int[] start, double value, int rounds) {
        int[] current = start.clone();
        double best = value;
        int changed = -1;
        for (int round = 0; round < rounds; round++) {
            if (optima.contains(PoolScores.key(current))) {
                // An earlier start already found no improving swap from here.
                break;
            }
            Map<String, int[]> swaps = new LinkedHashMap<>();
            List<Integer> slotOf = new ArrayList<>();
            for (int l = 0; l < current.length; l++) {
                if (l == changed) {
                    // Just set to the best swap for this slot given the others, which have not moved since.
                    continue;
                }
                int[] slate = current;
                int slot = l;
                double[] peu = scans.computeIfAbsent(key(current, l), x -> scan.peuOfSwaps(slate, slot));
                TopK top = new TopK(keep);
                for (int b = 0; b < peu.length; b++) {
                    if (b != current[l] && peu[b] > Double.NEGATIVE_INFINITY) {
                        top.offer(b, peu[b]);
                    }
                }
                for (int b : top.indices()) {
                    int[] s = current.clone();
                    s[l] = b;
                    if (swaps.putIfAbsent(PoolScores.key(s), s) == null) {
                        slotOf.add(l);
                    }
                }
            }
            if (swaps.isEmpty()) {
                optima.add(PoolScores.key(current));
                break;
            }
            List<int[]> list = new ArrayList<>(swaps.values());
            double[] peu = evaluator.peu(pool.toCatalog(list));
            int arg = -1;
            for (int i = 0; i < peu.length; i++) {
                if (peu[i] > best && (arg < 0 || peu[i] > peu[arg])) {
                    arg = i;
                }
            }
            if (arg < 0) {
                optima.add(PoolScores.key(current));
                break;
            }
            current = list.get(arg);
            best = peu[arg];
            changed = slotOf.get(arg);
        }
        return new Scored(current, best);
    }

    /** The slate's other items (sorted) with the scanned slot: what a scan's result depends on. */
    private static String key(int[] slate, int slot) {
        int[] others = new int[slate.length - 1];
        for (int i = 0, o = 0; i < slate.length; i++) {
            if (i != slot) {
                others[o++] = slate[i];
            }
        }
        return PoolScores.key(others);
    }
}
