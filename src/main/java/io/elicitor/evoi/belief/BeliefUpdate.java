package io.elicitor.evoi.belief;

import io.elicitor.evoi.Seeds;
import java.util.List;
import java.util.Random;

/**
 * The elicitation loop's random streams and belief update, in one place, so that the service, the log
 * replay and the simulation harness run exactly the same steps: the prior draw uses stream 0 of the session
 * seed, planning query t+1 uses stream {@code 2t+1}, and the update after answer t uses stream {@code 2t}.
 * Same seed and answers, same particles, bit for bit.
 *
 * <p>Both steps take and give a {@link Belief} and do their maths on a {@link Posterior} in between: call them
 * inside an ND4J workspace ({@code EngineWorkspace.run}), on a thread that may run ND4J.
 */
public final class BeliefUpdate {
    private BeliefUpdate() {}

    /** Particles drawn from the prior. */
    public static Belief initial(Prior prior, BeliefSettings settings, long seed) {
        return Posterior.fromPrior(prior, settings.particles(), Seeds.random(seed, 0)).belief();
    }

    /** The random source for planning query number {@code answered + 1}. */
    public static Random planning(long seed, int answered) {
        return Seeds.random(seed, 2L * answered + 1);
    }

    /**
     * The belief after the last answer of {@code history} (which holds every answer so far, in order):
     * reweighting by its likelihood, and when the effective sample size falls under M/2, systematic
     * resampling and Metropolis–Hastings rejuvenation targeting the prior times the likelihood of all of
     * {@code history}. {@code current} must be the belief before that answer.
     */
    public static Belief step(Belief current, List<Observation> history, Prior prior, BeliefSettings settings, long seed) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("history must hold at least the new answer");
        }
        int t = history.size();
        Posterior p = Posterior.of(current);
        Posterior next = p.observe(history.get(t - 1), history, new MultinomialLogit(settings.lambda()), prior,
                new Rejuvenation(settings.rejuvenationSteps(), 2.38 / Math.sqrt(current.dimension())),
                Seeds.random(seed, 2L * t));
        if (next.particles() == p.particles()) {
            // Reweighted only (no resampling): the particles are current's to the bit, so the new belief shares
            // its array instead of copying M x d floats out of ND4J. At 1M x 32 that was 128 KB of young garbage
            // per answer, which the session then kept alive into the next collection.
            return new Belief(current.dimension(), current.particlesShared(), next.weights(), next.mean());
        }
        return next.belief();
    }
}
