package io.elicitor.evoi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local search over discrete slates by exact coordinate moves: each round scans, for every slot, the PEU of
 * the slate with that slot showing each pool item ({@link SlotScan}), keeps the best few swaps per slot,
 * re-scores them with {@link PoolEvaluator#peu} in one batch and takes the best improvement; it stops when
 * no swap improves or after the round limit. The slot just changed is not scanned again in the next round. A slate it returns is a single-swap local optimum (up to the
 * round limit), never worse than its start.
 */
final class SwapSearch {
    private final PoolScores pool;
    private final PoolEvaluator evaluator;
    private final SlotScan scan;
    private final int keep;

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
            Map<String, int[]> swaps = new LinkedHashMap<>();
            List<Integer> slotOf = new ArrayList<>();
            for (int l = 0; l < current.length; l++) {
                if (l == changed) {
                    // Just set to the best swap for this slot given the others, which have not moved since.
                    continue;
                }
                double[] peu = scan.peuOfSwaps(current, l);
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
                break;
            }
            List<int[]> list = new ArrayList<>(swaps.values());
            int[][] catalogSlates = new int[list.size()][];
            for (int i = 0; i < catalogSlates.length; i++) {
                catalogSlates[i] = pool.toCatalog(list.get(i));
            }
            double[] peu = evaluator.peu(catalogSlates);
            int arg = -1;
            for (int i = 0; i < peu.length; i++) {
                if (peu[i] > best && (arg < 0 || peu[i] > peu[arg])) {
                    arg = i;
                }
            }
            if (arg < 0) {
                break;
            }
            current = list.get(arg);
            best = peu[arg];
            changed = slotOf.get(arg);
        }
        return new Scored(current, best);
    }
}
