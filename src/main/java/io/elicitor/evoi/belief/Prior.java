package io.elicitor.evoi.belief;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A prior distribution over utility vectors: sampled to start a posterior, evaluated to rejuvenate it. */
public interface Prior {
    /** Dimension d of the utility vectors. */
    int dimension();

    /** {@code m} independent draws as an {@code m × d} float32 matrix. */
    INDArray sample(int m, Random rng);

    /** Log density of each row of {@code w} ({@code m × d}), up to an additive constant, as an {@code m}-vector. */
    double[] logDensity(INDArray w);
}
