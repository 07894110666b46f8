package io.elicitor.evoi.belief;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.EngineFixture;
import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Posterior updates replay bit for bit from the same answers and seed; priors come from a population when given. */
class PosteriorTest {
    static {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    /** The posterior after a fixed list of answers, every random choice drawn from streams of one seed. */
    private static Posterior replay(EngineFixture f, int[][] slates, int[] chosen, long seed) {
        Posterior p = Posterior.fromPrior(f.prior, 256, Seeds.random(seed, 0));
        List<Observation> history = new ArrayList<>();
        for (int t = 0; t < slates.length; t++) {
            Observation o = Observation.of(f.items, slates[t], chosen[t]);
            history.add(o);
            p = p.observe(o, history, f.model, f.prior, Rejuvenation.standard(f.items.dimension()), Seeds.random(seed, t + 1));
        }
        return p;
    }

    @Test
    void sameAnswersAndSeedGiveBitIdenticalParticlesAndWeights() {
        EngineFixture f = EngineFixture.create(100, 6, 64, 0, 4.0, 1);
        Random rng = new Random(2);
        int answers = 12;
        int[][] slates = new int[answers][];
        int[] chosen = new int[answers];
        for (int t = 0; t < answers; t++) {
            int k = 2 + t % 3;
            slates[t] = rng.ints(0, 100).distinct().limit(k).toArray();
            chosen[t] = rng.nextInt(k);
        }
        Posterior a = replay(f, slates, chosen, 99);
        Posterior b = replay(f, slates, chosen, 99);
        assertArrayEquals(Buffers.toArray(a.particles()), Buffers.toArray(b.particles()));
        assertArrayEquals(a.weights(), b.weights());
        // Twelve sharp answers (λ = 4) must have resampled and rejuvenated: particles moved off the prior draws.
        assertFalse(Arrays.equals(Buffers.toArray(a.particles()), Buffers.toArray(Posterior.fromPrior(f.prior, 256, Seeds.random(99, 0)).particles())));
        Posterior other = replay(f, slates, chosen, 100);
        assertFalse(Arrays.equals(Buffers.toArray(a.particles()), Buffers.toArray(other.particles())), "another seed gives another cloud");
    }

    @Test
    void aBeliefRebuildsTheSamePosterior() {
        EngineFixture f = EngineFixture.create(50, 5, 128, 3, 2.0, 3);
        Posterior p = f.posterior;
        Belief b = p.belief();
        Posterior back = Posterior.of(b);
        assertArrayEquals(Buffers.toArray(p.particles()), Buffers.toArray(back.particles()));
        assertArrayEquals(p.weights(), back.weights());
        assertArrayEquals(p.mean(), b.mean(), "the belief carries the engine's own mean");
        assertArrayEquals(back.mean(), b.mean());
        assertEquals(p.effectiveSampleSize(), b.effectiveSampleSize());
        assertEquals(b, back.belief());
        assertEquals(b, Belief.restore(b.dimension(), b.particles(), b.weights(), b.mean()));
    }

    @Test
    void priorFittedToAPopulationRecoversItsMeanAndCovariance() {
        int d = 4;
        double[] mean = {1.0, -2.0, 0.5, 0.0};
        double[][] chol = {{1.0, 0, 0, 0}, {0.5, 0.8, 0, 0}, {0, 0.3, 0.6, 0}, {0.2, 0, 0.1, 0.4}};
        GaussianPrior truth = new GaussianPrior(mean, chol);
        GaussianPrior fitted = GaussianPrior.fit(truth.sample(20_000, new Random(5)), 0.0);
        assertArrayEquals(mean, fitted.mean(), 0.03);
        double[] std = truth.marginalStd();
        assertArrayEquals(std, fitted.marginalStd(), 0.03);
        // The posterior drawn from the fitted prior starts at the population's mean.
        Posterior p = Posterior.fromPrior(fitted, 20_000, new Random(6));
        float[] m = p.mean();
        for (int i = 0; i < d; i++) {
            assertEquals(mean[i], m[i], 0.05, "coordinate " + i);
        }
    }

    @Test
    void catalogsWithAPopulationGetAFittedPriorAndOthersAScaledOne() throws Exception {
        io.elicitor.catalog.Catalog withUsers = catalog(true);
        io.elicitor.catalog.Catalog without = catalog(false);
        io.elicitor.catalog.CatalogRegistry registry = new io.elicitor.catalog.CatalogRegistry();
        assertTrue(registry.register(withUsers).priorDescription().startsWith("Gaussian fitted to 500 population users"));
        assertTrue(registry.register(without).priorDescription().startsWith("isotropic"));
        double[] fittedMean = ((GaussianPrior) registry.latest("with").orElseThrow().prior()).mean();
        assertEquals(3.0, fittedMean[0], 0.2);
    }

    private static io.elicitor.catalog.Catalog catalog(boolean users) {
        int n = 20;
        int d = 3;
        Random rng = new Random(8);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        List<io.elicitor.catalog.Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new io.elicitor.catalog.Item("i" + i, "item " + i, java.util.Map.of()));
        }
        float[] u = new float[500 * d];
        for (int i = 0; i < 500; i++) {
            for (int c = 0; c < d; c++) {
                u[i * d + c] = (float) ((c == 0 ? 3.0 : 0.0) + rng.nextGaussian());
            }
        }
        String id = users ? "with" : "without";
        io.elicitor.catalog.CatalogManifest manifest = new io.elicitor.catalog.CatalogManifest(id, "1", id, d, n,
                io.elicitor.catalog.CatalogManifest.Files.standard(), java.util.Map.of(), java.util.Map.of(), null);
        return new io.elicitor.catalog.Catalog(manifest, items, new ItemMatrix(Buffers.fromArray(x, n, d)),
                users ? Buffers.fromArray(u, 500, d) : null, null);
    }
}
