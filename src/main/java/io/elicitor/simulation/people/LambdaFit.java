package io.elicitor.simulation.people;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.belief.Prior;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The choice model's λ fitted to real people's recorded answers, by maximum marginal likelihood under the catalog's
 * prior: each person answers a few pairs of their items from their record, and
 * {@code L(λ) = Σ_people log E_{w ~ prior} Π_pairs σ(λ w·(x_chosen − x_other))}, the expectation over a fixed seeded
 * sample of the prior. The product inside the expectation is what separates λ from the prior's spread: a person
 * whose answers one vector explains well pulls λ up, one who contradicts themselves pulls it down. Tied pairs tell
 * nothing of direction and are skipped. Maximised over a log grid from 0.05 to 500, then refined by golden section
 * between the grid neighbours of the best point. Costs {@code S · (people · pairs) · d} once, then
 * {@code S · people · pairs} per λ tried.
 */
public final class LambdaFit {
    /** Smallest λ searched. */
    static final double LOW = 0.05;
    /** Largest λ searched. */
    static final double HIGH = 500;
    private static final int GRID = 41;

    /**
     * A fit.
     *
     * @param lambda the maximiser
     * @param logLikelihood {@code L(λ)} there, in nats
     * @param people people whose answers were used
     * @param answers answered pairs used (ties skipped)
     * @param grid the λ of the grid
     * @param curve {@code L} on the grid
     */
    public record Result(double lambda, double logLikelihood, int people, int answers, double[] grid, double[] curve) {}

    private final List<float[]> differences = new ArrayList<>();
    private final float[] samples;
    private final int s;
    private int answers;

    /**
     * Prepares the fit: up to {@code pairsPerPerson} seeded random pairs of each person's items, and {@code priorSamples}
     * draws from the prior.
     */
    public LambdaFit(List<Person> people, ItemMatrix items, Prior prior, int pairsPerPerson, int priorSamples, long seed) {
        if (people.isEmpty() || pairsPerPerson < 1 || priorSamples < 1) {
            throw new IllegalArgumentException("need people, pairsPerPerson >= 1 and priorSamples >= 1");
        }
        Random rng = new Random(seed);
        this.s = priorSamples;
        this.samples = Buffers.toArray(prior.sample(priorSamples, rng));
        int d = items.dimension();
        for (Person p : people) {
            List<float[]> pairs = new ArrayList<>();
            for (int a = 0; a < pairsPerPerson; a++) {
                int i = rng.nextInt(p.size());
                int j = rng.nextInt(p.size() - 1);
                j = j >= i ? j + 1 : j;
                int[] slate = {p.rows()[i], p.rows()[j]};
                if (p.tied(slate)) {
                    continue;
                }
                int chosen = p.choose(slate);
                float[] x = items.row(slate[chosen]);
                float[] y = items.row(slate[1 - chosen]);
                float[] diff = new float[d];
                for (int c = 0; c < d; c++) {
                    diff[c] = x[c] - y[c];
                }
                pairs.add(diff);
            }
            if (!pairs.isEmpty()) {
                differences.add(utilityDifferences(pairs, d));
                answers += pairs.size();
            }
        }
    }

    /** The fit over the grid, refined. */
    public Result fit() {
        double[] grid = new double[GRID];
        double[] curve = new double[GRID];
        int best = 0;
        for (int g = 0; g < GRID; g++) {
            grid[g] = LOW * Math.pow(HIGH / LOW, g / (double) (GRID - 1));
            curve[g] = logLikelihood(grid[g]);
            if (curve[g] > curve[best]) {
                best = g;
            }
        }
        double a = Math.log(grid[Math.max(0, best - 1)]);
        double b = Math.log(grid[Math.min(GRID - 1, best + 1)]);
        double phi = (Math.sqrt(5) - 1) / 2;
        double c = b - phi * (b - a);
        double e = a + phi * (b - a);
        double fc = logLikelihood(Math.exp(c));
        double fe = logLikelihood(Math.exp(e));
        for (int it = 0; it < 30; it++) {
            if (fc >= fe) {
                b = e;
                e = c;
                fe = fc;
                c = b - phi * (b - a);
                fc = logLikelihood(Math.exp(c));
            } else {
                a = c;
                c = e;
                fc = fe;
                e = a + phi * (b - a);
                fe = logLikelihood(Math.exp(e));
            }
        }
        double lambda = Math.exp((a + b) / 2);
        return new Result(lambda, logLikelihood(lambda), differences.size(), answers, grid, curve);
    }

    /** {@code L(λ)}: per person, log of the prior mean of the likelihood of their answers, summed. */
    public double logLikelihood(double lambda) {
        double total = 0;
        for (float[] u : differences) {
            int pairs = u.length / s;
            double max = Double.NEGATIVE_INFINITY;
            double[] log = new double[s];
            for (int k = 0; k < s; k++) {
                double l = 0;
                for (int a = 0; a < pairs; a++) {
                    double z = lambda * u[k * pairs + a];
                    l += z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
                }
                log[k] = l;
                max = Math.max(max, l);
            }
            double sum = 0;
            for (double l : log) {
                sum += Math.exp(l - max);
            }
            total += max + Math.log(sum / s);
        }
        return total;
    }

    /** {@code w_k·(x_chosen − x_other)} for every prior sample k and pair a, sample-major. */
    private float[] utilityDifferences(List<float[]> pairs, int d) {
        float[] u = new float[s * pairs.size()];
        for (int k = 0; k < s; k++) {
            for (int a = 0; a < pairs.size(); a++) {
                float[] diff = pairs.get(a);
                double v = 0;
                for (int c = 0; c < d; c++) {
                    v += samples[k * d + c] * diff[c];
                }
                u[k * pairs.size() + a] = (float) v;
            }
        }
        return u;
    }
}
