package io.elicitor.evoi.partial;

import io.elicitor.evoi.EngineFixture;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.value.CandidatePool;
import io.elicitor.evoi.value.PoolEvaluator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relaxed attribute mask: its projection, and that it finds the attributes that matter among too many subsets. */
class SubsetMaskTest {
    private static final int A = 12;
    private static final int[] MATTER = {1, 5, 8, 11};

    @Test
    void theProjectionLandsOnTheCappedSimplexAndKeepsTheOrder() {
        Random rng = new Random(3);
        for (int t = 0; t < 200; t++) {
            int n = 2 + rng.nextInt(12);
            int s = 1 + rng.nextInt(n - 1);
            float[] m = new float[n];
            for (int i = 0; i < n; i++) {
                m[i] = (float) (rng.nextGaussian() * 2);
            }
            float[] p = m.clone();
            SubsetMask.projectCapped(p, 0, n, s);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                assertTrue(p[i] >= 0 && p[i] <= 1, Arrays.toString(p));
                sum += p[i];
                for (int j = 0; j < n; j++) {
                    assertTrue(!(m[i] > m[j]) || p[i] >= p[j], "order kept");
                }
            }
            assertEquals(s, sum, 1e-4);
        }
        assertArrayEquals(new int[] {0, 2}, SubsetMask.largest(new float[] {0.9f, 0.1f, 0.9f, 0.5f}, 0, 4, 2));
    }

    @Test
    void theMaskFindsTheFourAttributesThatMatterAmong495Subsets() {
        for (long seed = 1; seed <= 3; seed++) {
            PartialContext c = context(2, 4, seed);
            assertTrue(c.space().subsetCount(4) > PartialGrid.MAX_SUBSETS);
            List<int[]> proposed = new SubsetMask(c, SubsetMask.RESTARTS, 30, 0.1).propose();
            assertTrue(proposed.stream().anyMatch(p -> Arrays.equals(MATTER, p)),
                    "seed " + seed + ": " + proposed.stream().map(Arrays::toString).toList());
            // The mask finds the attributes users weigh; the best question need not show all of them (a pair that
            // differs on two of them and ties on the rest can teach more), so the strategy is held to EVOI: at
            // least that of greedy's query on the proposed subset, and of greedy's over its sample of subsets.
            PartialQuery q = new GradientPartial().select(context(2, 4, seed));
            PartialContext cm = context(2, 4, seed);
            float[] grid = cm.space().gridOptions(MATTER);
            PartialQuery onMatter = new PartialQuery(MATTER, PartialGrid.rows(grid, A,
                    PartialGrid.greedy(cm.evaluator(), grid, grid.length / A, 2)), 2);
            assertTrue(evoi(cm.evaluator(), q) >= evoi(cm.evaluator(), onMatter) - 1e-9);
            PartialQuery greedy = new GreedyPartial().select(context(2, 4, seed));
            PoolEvaluator e = context(2, 4, seed).evaluator();
            assertTrue(evoi(e, q) >= evoi(e, greedy) - 1e-9, "never below greedy's sampled subsets");
        }
    }

    private static double evoi(PoolEvaluator e, PartialQuery q) {
        return PartialGrid.values(e, q.options(), q.size(), q.dimension()).evoi()[0];
    }

    /**
     * Twelve numeric attributes, one column each; the particles weigh only {@link #MATTER}, so every other
     * attribute is the same to every user and a question about it teaches nothing.
     */
    private static PartialContext context(int k, int s, long seed) {
        EngineFixture f = EngineFixture.create(200, A, 2, 0, 3.0, 11);
        Random rng = new Random(seed);
        int m = 256;
        float[] particles = new float[m * A];
        for (int j = 0; j < m; j++) {
            for (int col : MATTER) {
                particles[j * A + col] = (float) rng.nextGaussian();
            }
        }
        double[] w = new double[m];
        Arrays.fill(w, 1.0 / m);
        Posterior posterior = new Posterior(Nd4j.create(particles, new long[] {m, A}, 'c'), w);
        List<AttributeSpace.Attribute> attributes = new ArrayList<>();
        for (int col = 0; col < A; col++) {
            float[] grid = {-1f, -0.5f, 0f, 0.5f, 1f};
            attributes.add(new AttributeSpace.Attribute("a" + col, new int[] {col}, false, grid, 0.0, 1.0, 2));
        }
        CandidatePool pool = CandidatePool.ofSize(posterior, f.search, 48, 12, null, rng);
        PoolEvaluator evaluator = new PoolEvaluator(posterior, f.model, f.items, pool);
        return new PartialContext(evaluator, f.items, new AttributeSpace(attributes, A), k, s, rng);
    }
}
