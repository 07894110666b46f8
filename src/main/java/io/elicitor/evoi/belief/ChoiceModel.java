package io.elicitor.evoi.belief;

import org.nd4j.linalg.api.ndarray.INDArray;

/** How a user with utility vector w answers a slate query: a probability for each option. */
public interface ChoiceModel {
    /**
     * Log probability that each particle picks each option: {@code particles} is {@code M × d}, {@code slate}
     * is {@code k × d}, the result is {@code M × k}.
     */
    INDArray logChoiceProbabilities(INDArray particles, INDArray slate);

    /** The inverse temperature λ; larger means less noisy answers. */
    double lambda();
}
