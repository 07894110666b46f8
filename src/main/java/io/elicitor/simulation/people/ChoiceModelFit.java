package io.elicitor.simulation.people;

import io.elicitor.evoi.belief.Observation;
import java.util.List;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * The choice-modelling anchor: one person's utility vector fitted by maximum likelihood to their answers under
 * the same multinomial logit ({@code P(i) ∝ exp(λ w·xᵢ)}), L2-regularised toward the prior's mean (the population's
 * taste): minimise {@code Σ_answers [log Σᵢ exp(λ w·xᵢ) − λ w·x_chosen] + (α/2)‖w − w₀‖²}. The objective is
 * convex and smooth; Apache Commons Math's Polak–Ribière conjugate gradient minimises it with the analytic
 * gradient. It is what a frequentist would do with the same answers: no posterior, no choice of questions.
 */
public final class ChoiceModelFit {
    /** Regularisation strength α: one unit of prior precision per dimension. */
    public static final double ALPHA = 1.0;

    private ChoiceModelFit() {}

    /** The fitted vector; {@code prior} itself when there are no answers. */
    public static double[] fit(List<Observation> answers, double lambda, double[] prior) {
        if (answers.isEmpty()) {
            return prior.clone();
        }
        int d = prior.length;
        NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-12, 1e-12));
        PointValuePair best = optimizer.optimize(new MaxEval(20_000), GoalType.MINIMIZE, new InitialGuess(prior),
                new ObjectiveFunction(w -> objective(answers, lambda, prior, w, null)),
                new ObjectiveFunctionGradient(w -> {
                    double[] g = new double[d];
                    objective(answers, lambda, prior, w, g);
                    return g;
                }));
        return best.getPoint();
    }

    /** The objective at {@code w}; its gradient into {@code gradient} when not null. */
    static double objective(List<Observation> answers, double lambda, double[] prior, double[] w, double[] gradient) {
        int d = w.length;
        double value = 0;
        for (int c = 0; c < d; c++) {
            double diff = w[c] - prior[c];
            value += ALPHA / 2 * diff * diff;
            if (gradient != null) {
                gradient[c] = ALPHA * diff;
            }
        }
        for (Observation o : answers) {
            int k = o.slateSize();
            float[] x = o.slate();
            double[] u = new double[k];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                for (int c = 0; c < d; c++) {
                    u[i] += lambda * w[c] * x[i * d + c];
                }
                max = Math.max(max, u[i]);
            }
            double z = 0;
            for (int i = 0; i < k; i++) {
                z += Math.exp(u[i] - max);
            }
            value += max + Math.log(z) - u[o.chosen()];
            if (gradient != null) {
                for (int i = 0; i < k; i++) {
                    double p = Math.exp(u[i] - max) / z - (i == o.chosen() ? 1 : 0);
                    for (int c = 0; c < d; c++) {
                        gradient[c] += lambda * p * x[i * d + c];
                    }
                }
            }
        }
        return value;
    }
}
