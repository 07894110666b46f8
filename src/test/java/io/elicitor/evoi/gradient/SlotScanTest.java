package io.elicitor.evoi.gradient;

import io.elicitor.evoi.EngineFixture;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.strategy.QueryContext;
import io.elicitor.evoi.value.PoolScores;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The slot scan's batched PEU of single-slot swaps equals the evaluator's exact PEU, slate by slate. */
class SlotScanTest {
    @Test
    void everySwapMatchesTheEvaluator() {
        EngineFixture f = EngineFixture.create(120, 8, 400, 2, 2.0, 21);
        for (int k = 2; k <= 4; k++) {
            QueryContext c = f.pooledContext(k, 48, null, k);
            PoolScores pool = c.poolScores();
            int kk = k;
            EngineWorkspace.run(() -> {
                SlotScan scan = new SlotScan(pool, c.posterior().particles(), c.catalog().rows(pool.items()), kk);
                Random rng = new Random(kk);
                int[] slate = rng.ints(0, pool.size()).distinct().limit(kk).toArray();
                for (int slot = 0; slot < kk; slot++) {
                    double[] scanned = scan.peuOfSwaps(slate, slot);
                    for (int b = 0; b < pool.size(); b++) {
                        int[] s = slate.clone();
                        s[slot] = b;
                        boolean clash = false;
                        for (int i = 0; i < kk; i++) {
                            clash |= i != slot && slate[i] == b;
                        }
                        if (clash) {
                            assertEquals(Double.NEGATIVE_INFINITY, scanned[b]);
                            continue;
                        }
                        double exact = c.evaluator().peu(new int[][] {pool.toCatalog(s)})[0];
                        assertEquals(exact, scanned[b], 1e-5 * Math.max(1, Math.abs(exact)), "k " + kk + " slot " + slot + " item " + b);
                    }
                }
                assertTrue(true);
                return null;
            });
        }
    }
}
