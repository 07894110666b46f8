package io.elicitor.evoi.planner;

import io.elicitor.evoi.belief.BeliefSettings;

/**
 * Tunables of the engine, validated eagerly.
 *
 * @param lambda inverse temperature of the logit choice model
 * @param particles number of Monte Carlo particles M
 * @param poolMeanTop items taken into the candidate pool by posterior mean
 * @param poolSamples Thompson samples whose best item joins the pool
 * @param stopEvoiFraction stop when the best query's EVOI is below this fraction of the utility scale
 * @param stopConfidence stop when the posterior probability that the top item is best exceeds this
 * @param rejuvenationSteps Metropolis–Hastings sweeps after each resampling
 */
public record EngineSettings(double lambda, int particles, int poolMeanTop, int poolSamples,
                             double stopEvoiFraction, double stopConfidence, int rejuvenationSteps) {
    /** Validates every field. */
    public EngineSettings {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be positive and finite, got " + lambda);
        }
        if (particles < 2) {
            throw new IllegalArgumentException("particles must be >= 2, got " + particles);
        }
        if (poolMeanTop < 2 || poolSamples < 0) {
            throw new IllegalArgumentException("pool needs poolMeanTop >= 2 and poolSamples >= 0");
        }
        if (!(stopEvoiFraction >= 0) || !(stopConfidence > 0 && stopConfidence <= 1)) {
            throw new IllegalArgumentException("stopEvoiFraction must be >= 0 and stopConfidence in (0, 1]");
        }
        if (rejuvenationSteps < 0) {
            throw new IllegalArgumentException("rejuvenationSteps must be >= 0");
        }
    }

    /** Defaults: λ = 2, M = 1024, a pool of 64 mean-top items plus 32 Thompson samples. */
    public static EngineSettings defaults() {
        return new EngineSettings(2.0, 1024, 64, 32, 0.0005, 0.99, 3);
    }

    /** The settings a new belief is drawn and updated with: λ, M and the rejuvenation sweeps. */
    public BeliefSettings belief() {
        return new BeliefSettings(lambda, particles, rejuvenationSteps);
    }

    /** A copy with another λ. */
    public EngineSettings withLambda(double value) {
        return new EngineSettings(value, particles, poolMeanTop, poolSamples, stopEvoiFraction, stopConfidence,
                rejuvenationSteps);
    }

    /** A copy with another particle count. */
    public EngineSettings withParticles(int value) {
        return new EngineSettings(lambda, value, poolMeanTop, poolSamples, stopEvoiFraction, stopConfidence,
                rejuvenationSteps);
    }
}
