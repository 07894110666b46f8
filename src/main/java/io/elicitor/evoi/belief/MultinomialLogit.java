package io.elicitor.evoi.belief;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Multinomial logit choice: {@code P(i | Q; w) = exp(λ w·qᵢ) / Σₗ exp(λ w·qₗ)}. For a pair it is the
 * logistic {@code σ(λ w·(q₁ − q₂))}, so one class serves pairwise and k-wise queries.
 */
public final class MultinomialLogit implements ChoiceModel {
    private final double lambda;

    /** A logit model with inverse temperature λ > 0. */
    public MultinomialLogit(double lambda) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be positive and finite, got " + lambda);
        }
        this.lambda = lambda;
    }

    @Override
    public double lambda() {
        return lambda;
    }

    @Override
    public INDArray logChoiceProbabilities(INDArray particles, INDArray slate) {
        if (particles.columns() != slate.columns()) {
            throw new IllegalArgumentException("particles have dimension " + particles.columns()
                    + " but slate items have " + slate.columns());
        }
        INDArray u = particles.mmul(slate.transpose()).muli(lambda);
        return logSoftmaxRows(u);
    }

    /** Row-wise log-softmax, in place, stable against overflow. */
    static INDArray logSoftmaxRows(INDArray u) {
        INDArray max = u.max(1);
        u.subiColumnVector(max);
        INDArray lse = Transforms.log(Transforms.exp(u, true).sum(1), false);
        return u.subiColumnVector(lse);
    }

    @Override
    public String toString() {
        return "MultinomialLogit{lambda=" + lambda + "}";
    }
}
