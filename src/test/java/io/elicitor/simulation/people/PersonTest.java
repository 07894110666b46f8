package io.elicitor.simulation.people;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The answer rules: the record decides, a tie goes to the lower item id and is counted; positions and measures. */
class PersonTest {
    /** Rows 10..14 with item ids 5, 3, 9, 1, 7 and ratings 4, 5, 4, 2, 5. */
    private static final Person RATER = new Person(1, new int[] {10, 11, 12, 13, 14}, new long[] {5, 3, 9, 1, 7},
            new double[] {4, 5, 4, 2, 5});

    @Test
    void theHigherRatedOptionIsChosenAndATieGoesToTheLowerItemId() {
        assertEquals(1, RATER.choose(new int[] {10, 11}), "5 beats 4");
        assertFalse(RATER.tied(new int[] {10, 11}));
        assertEquals(1, RATER.choose(new int[] {12, 10}), "4 = 4: item id 5 beats 9");
        assertTrue(RATER.tied(new int[] {12, 10}));
        assertEquals(0, RATER.choose(new int[] {11, 14, 13}), "5 = 5: item id 3 beats 7");
        assertTrue(RATER.tied(new int[] {11, 14, 13}));
        assertFalse(RATER.tied(new int[] {13, 10}), "a tie below the chosen option does not count");
        assertThrows(IllegalArgumentException.class, () -> RATER.choose(new int[] {10, 99}), "no record of row 99");
    }

    @Test
    void positionsCountTheItemsPreferredAndTiesShareAPlace() {
        assertEquals(0, RATER.position(11));
        assertEquals(0, RATER.position(14));
        assertEquals(2, RATER.position(10));
        assertEquals(4, RATER.position(13));
    }

    @Test
    void measuresOfARankingAndOfARandomPick() {
        // A ranking of 4: row 7 first, then 5, 6, 8 (preference 3, 2, 1, 0).
        Person ranker = new Person(2, new int[] {5, 6, 7, 8}, new long[] {50, 60, 70, 80}, new double[] {2, 1, 3, 0});
        Measures perfect = Measures.of(ranker, new int[] {7, 5, 6});
        assertEquals(new Measures(0, 1, 1, 1.0), perfect);
        Measures second = Measures.of(ranker, new int[] {5, 7, 8});
        assertEquals(1, second.position());
        assertEquals(0, second.hit1());
        assertEquals(1, second.hit3());
        double dcg = 2 + 3 / log2(3) + 0;
        double ideal = 3 + 2 / log2(3) + 1 / 2.0;
        assertEquals(dcg / ideal, second.ndcg3(), 1e-12);
        Measures random = Measures.randomPick(ranker);
        assertEquals(1.5, random.position(), 1e-12);
        assertEquals(0.25, random.hit1(), 1e-12);
        assertEquals(0.75, random.hit3(), 1e-12, "3 of 4 drawn: the favourite is among them with probability 3/4");
        assertEquals(1.5 * (1 + 1 / log2(3) + 0.5) / ideal, random.ndcg3(), 1e-12);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
