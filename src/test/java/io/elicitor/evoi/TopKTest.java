package io.elicitor.evoi;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Property test: the heap's answer equals a full sort's top k, ties broken towards the lower index. */
class TopKTest {
    @Test
    void matchesFullSortOnRandomInputsWithTies() {
        Random rng = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + rng.nextInt(200);
            int k = 1 + rng.nextInt(Math.min(n, 20) + 5);
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                scores[i] = rng.nextInt(10); // many ties on purpose
            }
            TopK top = new TopK(k);
            for (int i = 0; i < n; i++) {
                top.offer(i, scores[i]);
            }
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, top.indices(), "trial " + trial + ": " + Arrays.toString(scores));
        }
    }

    @Test
    void rejectsNonPositiveK() {
        assertThrows(IllegalArgumentException.class, () -> new TopK(0));
    }
}
