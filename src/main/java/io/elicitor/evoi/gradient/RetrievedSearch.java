package io.elicitor.evoi.gradient;

import java.util.ArrayList;
import java.util.List;

/**
 * Coordinate moves among retrieved catalog items, exactly scored: from a candidate slate, every slate with one
 * slot replaced by one of the given items is scored by the exact evaluator in one batch, the best improvement
 * is taken, for at most the given rounds. Unlike {@link SwapSearch} the items need not lie in the candidate pool
 * (the embedding ascent retrieves them from the whole catalog), so there is no slot scan: the moves are few
 * ({@code k × items}) and each is scored exactly. What it finds becomes a candidate.
 */
final class RetrievedSearch {
    private RetrievedSearch() {}

    /** Improves candidate {@code start} by moves to {@code items} (catalog indices); adds the result. */
    static void improve(Candidates candidates, int start, int[] items, int rounds) {
        int[] current = candidates.get(start).clone();
        double best = candidates.peu(start);
        int k = current.length;
        for (int round = 0; round < rounds; round++) {
            List<int[]> moves = new ArrayList<>();
            for (int l = 0; l < k; l++) {
                for (int y : items) {
                    boolean taken = false;
                    for (int i = 0; i < k; i++) {
                        taken |= current[i] == y;
                    }
                    if (!taken) {
                        int[] s = current.clone();
                        s[l] = y;
                        moves.add(s);
                    }
                }
            }
            if (moves.isEmpty()) {
                return;
            }
            double[] peu = candidates.score(moves.toArray(new int[0][]));
            int arg = -1;
            for (int i = 0; i < peu.length; i++) {
                if (peu[i] > best && (arg < 0 || peu[i] > peu[arg])) {
                    arg = i;
                }
            }
            if (arg < 0) {
                return;
            }
            current = moves.get(arg);
            best = peu[arg];
            candidates.add(current);
        }
    }
}
