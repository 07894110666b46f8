package io.elicitor.simulation.people;

import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.EngineFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * λ fitted to answers of people who choose by the model with a known λ comes back near it. Each person's answers
 * come from one noisy ranking (shared noise, so always transitive), which reads as a little more consistent than
 * independent answers: the fit lands somewhat above the true λ (1.8 for 1, 6.6 for 6 here), never far.
 */
class LambdaFitTest {
    @Test
    void theFitRecoversTheLambdaPeopleChoseWith() {
        EngineFixture f = EngineFixture.create(60, 4, 2, 0, 1.0, 8);
        double low = fitted(f, 1.0);
        double high = fitted(f, 6.0);
        assertTrue(low > 0.5 && low < 2.0, "true 1, fitted " + low);
        assertTrue(high > 3.5 && high < 10.0, "true 6, fitted " + high);
    }

    /**
     * Slates of three answered independently by the multinomial logit with a known λ: the fit of
     * {@link LambdaFit#onAnswers} comes back near it (independent answers, unlike one ranking, carry no extra
     * consistency), and sharper people fit a larger λ.
     */
    @Test
    void aFitToSlatesOfThreeRecoversTheMultinomialLogitsLambda() {
        EngineFixture f = EngineFixture.create(60, 4, 2, 0, 1.0, 8);
        double low = fittedOnTriples(f, 1.5);
        double high = fittedOnTriples(f, 5.0);
        assertTrue(low > 1.1 && low < 2.0, "true 1.5, fitted " + low);
        assertTrue(high > 3.6 && high < 6.6, "true 5, fitted " + high);
    }

    private static double fittedOnTriples(EngineFixture f, double lambda) {
        Random rng = new Random(21);
        float[] users = Buffers.toArray(f.prior.sample(200, rng));
        List<List<LambdaFit.Answer>> answers = new ArrayList<>();
        for (int u = 0; u < 200; u++) {
            List<LambdaFit.Answer> mine = new ArrayList<>();
            for (int a = 0; a < 6; a++) {
                int[] slate = rng.ints(0, f.items.size()).distinct().limit(3).toArray();
                int chosen = 0;
                double best = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < 3; j++) {
                    double g = noisyUtility(f, users, u, slate[j], lambda, rng);
                    if (g > best) {
                        best = g;
                        chosen = j;
                    }
                }
                mine.add(new LambdaFit.Answer(slate, chosen));
            }
            answers.add(mine);
        }
        return LambdaFit.onAnswers(answers, f.items, f.prior, 256, 3).fit().lambda();
    }

    /**
     * 200 people drawn from the prior, each with 12 items whose preferences are {@code λ w·x + Gumbel}: a pair of them
     * is then ordered as the logit with that λ says.
     */
    private static double fitted(EngineFixture f, double lambda) {
        return LambdaFit.onRandomPairs(people(f, lambda, 200, 13), f.items, f.prior, 10, 512, 3).fit().lambda();
    }

    /** {@code n} people of 12 items each whose recorded preferences are {@code λ w·x + Gumbel}, w from the prior. */
    static List<Person> people(EngineFixture f, double lambda, int n, long seed) {
        Random rng = new Random(seed);
        float[] users = Buffers.toArray(f.prior.sample(n, rng));
        List<Person> people = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            int[] rows = rng.ints(0, f.items.size()).distinct().limit(12).toArray();
            long[] ids = new long[rows.length];
            double[] pref = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                ids[i] = rows[i];
                pref[i] = noisyUtility(f, users, u, rows[i], lambda, rng);
            }
            people.add(new Person(u, rows, ids, pref));
        }
        return people;
    }

    /** {@code λ w_u·x + Gumbel} for user u of {@code users} (row-major) and catalog row {@code row}: a logit chooser. */
    private static double noisyUtility(EngineFixture f, float[] users, int u, int row, double lambda, Random rng) {
        float[] x = f.items.row(row);
        double wx = 0;
        for (int c = 0; c < x.length; c++) {
            wx += users[u * x.length + c] * x[c];
        }
        return lambda * wx - Math.log(-Math.log(rng.nextDouble()));
    }
}
