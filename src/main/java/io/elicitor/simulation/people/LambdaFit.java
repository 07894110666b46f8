package io.elicitor.simulation.people;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.belief.Prior;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The choice model's λ fitted to real people's recorded answers, by maximum marginal likelihood under the catalog's
 * prior: {@code L(λ) = Σ_people log E_{w ~ prior} Π_answers P_λ(chosen | slate, w)}, the multinomial logit of the
 * engine, the expectation over a fixed seeded sample of the prior. The product inside the expectation is what
 * separates λ from the prior's spread: a person whose answers one vector explains well pulls λ up, one who
 * contradicts themselves pulls it down. Answers may come from random pairs of a person's items ({@link #onRandomPairs})
 * or from the engine's own sessions ({@link EngineQuestionFit}): the likelihood of adaptively chosen questions is
 * still the product of the answers' likelihoods, since each question depends only on earlier answers. Tied answers
 * tell nothing of direction and are left out by the callers. Maximised over a log grid from 0.05 to 500, then refined
 * by golden section between the grid neighbours of the best point. Costs {@code S · answers · k · d} once, then
 * {@code S · answers · k} per λ tried.
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
     * @param answers answers used (ties left out)
     * @param grid the λ of the grid
     * @param curve {@code L} on the grid
     */
    public record Result(double lambda, double logLikelihood, int people, int answers, double[] grid, double[] curve) {
        /**
         * Whether the maximum is at the top of the search: the answers are explained about as well by an ever sharper
         * model (every person consistent with enough of the prior), so no finite λ is the fit.
         */
        public boolean atUpperBound() {
            return lambda > HIGH * 0.99;
        }
    }

    /**
     * One recorded answer.
     *
     * @param slate catalog rows shown
     * @param chosen index in {@code slate} of the option chosen
     */
    public record Answer(int[] slate, int chosen) {
        /** Validates eagerly. */
        public Answer {
            Objects.requireNonNull(slate, "slate");
            if (slate.length < 2 || chosen < 0 || chosen >= slate.length) {
                throw new IllegalArgumentException("need a slate of at least 2 and a chosen index inside it");
            }
        }
    }

    /** Per person: {@code w_k·(x_chosen − x_other)} for every prior sample k, answer and other option, sample-major. */
    private final List<float[]> margins = new ArrayList<>();
    /** Per person: the number of other options of each answer (k − 1). */
    private final List<int[]> others = new ArrayList<>();
    private final float[] samples;
    private final int s;
    private int answers;

    private LambdaFit(List<List<Answer>> answersByPerson, ItemMatrix items, float[] samples, int priorSamples) {
        this.s = priorSamples;
        this.samples = samples;
        for (List<Answer> person : answersByPerson) {
            if (!person.isEmpty()) {
                margins.add(margins(person, items));
                others.add(person.stream().mapToInt(a -> a.slate().length - 1).toArray());
                answers += person.size();
            }
        }
        if (margins.isEmpty()) {
            throw new IllegalArgumentException("no answers to fit lambda to");
        }
    }

    /** A fit to the given answers of each person, with {@code priorSamples} seeded draws from the prior. */
    public static LambdaFit onAnswers(List<List<Answer>> answersByPerson, ItemMatrix items, Prior prior, int priorSamples,
                                      long seed) {
        Random rng = new Random(seed);
        return new LambdaFit(answersByPerson, items, draws(prior, priorSamples, rng), priorSamples);
    }

    /**
     * A fit to up to {@code pairsPerPerson} seeded random pairs of each person's items answered from their record
     * (tied pairs drawn and left out), with {@code priorSamples} draws from the prior.
     */
    public static LambdaFit onRandomPairs(List<Person> people, ItemMatrix items, Prior prior, int pairsPerPerson,
                                          int priorSamples, long seed) {
        if (people.isEmpty() || pairsPerPerson < 1) {
            throw new IllegalArgumentException("need people and pairsPerPerson >= 1");
        }
        Random rng = new Random(seed);
        float[] samples = draws(prior, priorSamples, rng);
        List<List<Answer>> answers = new ArrayList<>();
        for (Person p : people) {
            List<Answer> pairs = new ArrayList<>();
            for (int a = 0; a < pairsPerPerson; a++) {
                int i = rng.nextInt(p.size());
                int j = rng.nextInt(p.size() - 1);
                j = j >= i ? j + 1 : j;
                int[] slate = {p.rows()[i], p.rows()[j]};
                if (!p.tied(slate)) {
                    pairs.add(new Answer(slate, p.choose(slate)));
                }
            }
            answers.add(pairs);
        }
        return new LambdaFit(answers, items, samples, priorSamples);
    }

    private static float[] draws(Prior prior, int priorSamples, Random rng) {
        if (priorSamples < 1) {
            throw new IllegalArgumentException("need priorSamples >= 1");
        }
        return Buffers.toArray(prior.sample(priorSamples, rng));
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
        return new Result(lambda, logLikelihood(lambda), margins.size(), answers, grid, curve);
    }

    /** {@code L(λ)}: per person, log of the prior mean of the likelihood of their answers, summed. */
    public double logLikelihood(double lambda) {
        double total = 0;
        for (int p = 0; p < margins.size(); p++) {
            float[] m = margins.get(p);
            int[] k = others.get(p);
            int width = m.length / s;
            double max = Double.NEGATIVE_INFINITY;
            double[] log = new double[s];
            for (int q = 0; q < s; q++) {
                double l = 0;
                int at = q * width;
                for (int n : k) {
                    l += logChoice(lambda, m, at, n);
                    at += n;
                }
                log[q] = l;
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

    /**
     * {@code log P(chosen) = −log(1 + Σ_j exp(−λ v_j))} over the {@code n} margins {@code v_j} from {@code at}; a pair's
     * is the log-sigmoid, written to keep both tails exact.
     */
    private static double logChoice(double lambda, float[] m, int at, int n) {
        if (n == 1) {
            double z = lambda * m[at];
            return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
        }
        double top = 0;
        for (int j = 0; j < n; j++) {
            top = Math.max(top, -lambda * m[at + j]);
        }
        double sum = Math.exp(-top);
        for (int j = 0; j < n; j++) {
            sum += Math.exp(-lambda * m[at + j] - top);
        }
        return -(top + Math.log(sum));
    }

    /** {@code w_q·(x_chosen − x_other)} for every prior sample q, answer and other option of one person, sample-major. */
    private float[] margins(List<Answer> person, ItemMatrix items) {
        int d = items.dimension();
        List<float[]> diffs = new ArrayList<>();
        for (Answer a : person) {
            float[] x = items.row(a.slate()[a.chosen()]);
            for (int j = 0; j < a.slate().length; j++) {
                if (j != a.chosen()) {
                    float[] y = items.row(a.slate()[j]);
                    float[] diff = new float[d];
                    for (int c = 0; c < d; c++) {
                        diff[c] = x[c] - y[c];
                    }
                    diffs.add(diff);
                }
            }
        }
        float[] u = new float[s * diffs.size()];
        for (int q = 0; q < s; q++) {
            for (int a = 0; a < diffs.size(); a++) {
                float[] diff = diffs.get(a);
                double v = 0;
                for (int c = 0; c < d; c++) {
                    v += samples[q * d + c] * diff[c];
                }
                u[q * diffs.size() + a] = (float) v;
            }
        }
        return u;
    }
}
