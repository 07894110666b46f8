package io.elicitor.evoi.belief;

/**
 * How one belief is drawn and updated: the choice model's inverse temperature, the number of particles and
 * the Metropolis–Hastings sweeps after each resampling. A session keeps the settings it started with, so that a
 * replay of its answers uses the same ones.
 *
 * @param lambda inverse temperature λ of the logit choice model (larger: less noisy answers)
 * @param particles number of particles M
 * @param rejuvenationSteps Metropolis–Hastings sweeps after each resampling
 */
public record BeliefSettings(double lambda, int particles, int rejuvenationSteps) {
    /** Validates eagerly. */
    public BeliefSettings {
        if (!(lambda > 0) || Double.isInfinite(lambda) || particles < 2 || rejuvenationSteps < 0) {
            throw new IllegalArgumentException("bad belief settings: lambda=" + lambda + " particles=" + particles
                    + " rejuvenationSteps=" + rejuvenationSteps);
        }
    }
}
