package io.elicitor.evoi.explain;

import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What options differ on, what an item's utility is made of, and where a user parts from the population. */
class DifferencesAndContributionsTest {
    private static final float[] MEAN = {-1.0f, 0.2f, 0.5f, -0.4f, 0.1f};

    @Test
    void optionsDifferOnTheAttributesTheyDoNotShareRankedByTheUtilityGap() {
        // Option 0: price 20 + 4·(-1) = 16.0, green, size 5. Option 1: price 28.0, green, size 5 + 0.5·2 = 6.
        float[] options = {-1f, 0, 1, 0, 0, 2f, 0, 1, 0, 2f};
        List<OptionDifferences.Difference> d = OptionDifferences.of(MEAN, ExplainFixture.SPACE, ExplainFixture.LEVELS,
                options, 2);
        assertEquals(List.of("price", "size"), d.stream().map(OptionDifferences.Difference::attribute).toList());
        assertEquals(List.of("16.0", "28.0"), d.get(0).values());
        assertEquals(1.0 * 3, d.get(0).utilityGap(), 1e-6); // |w̄| · (2 − (−1))
        assertEquals(List.of("5", "6"), d.get(1).values());
        assertEquals(0.1 * 2, d.get(1).utilityGap(), 1e-6);
    }

    @Test
    void aPartialQuestionComparesOnlyWhatItShows() {
        // Colour only: red against blue; price and size columns zero in both.
        float[] options = {0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
        List<OptionDifferences.Difference> d = OptionDifferences.of(MEAN, ExplainFixture.SPACE, ExplainFixture.LEVELS,
                options, 2);
        assertEquals(1, d.size());
        assertEquals(List.of("red", "blue"), d.get(0).values());
        assertEquals(0.2 + 0.4, d.get(0).utilityGap(), 1e-6);
    }

    @Test
    void contributionsAddUpToTheItemsExpectedUtility() {
        float[] items = ExplainFixture.items(3, 30);
        for (int i = 0; i < 30; i++) {
            float[] x = java.util.Arrays.copyOfRange(items, i * 5, i * 5 + 5);
            List<Contributions.Contribution> c = Contributions.of(MEAN, x, ExplainFixture.SPACE, ExplainFixture.LEVELS);
            assertEquals(3, c.size());
            assertEquals(AnswerOutlook.dot(MEAN, 0, x, 0, 5), c.stream().mapToDouble(Contributions.Contribution::utility)
                    .sum(), 1e-9);
            for (int a = 1; a < c.size(); a++) {
                assertEquals(true, Math.abs(c.get(a - 1).utility()) >= Math.abs(c.get(a).utility()));
            }
        }
    }

    @Test
    void aUserLikeThePopulationAgreesAndAnOppositeOnePartsFromIt() {
        float[] items = ExplainFixture.items(5, 200);
        float[] population = {1f, 0.5f, 0f, -0.5f, 0.3f};
        PopulationContrast.Contrast same = PopulationContrast.of(population, population, items, 200, 5);
        same.agreed().forEach(i -> assertEquals(0.0, i.difference(), 1e-9));
        float[] opposite = new float[5];
        for (int c = 0; c < 5; c++) {
            opposite[c] = -population[c];
        }
        PopulationContrast.Contrast contrary = PopulationContrast.of(opposite, population, items, 200, 5);
        // What the opposite user likes most above the population is what the population likes least.
        PopulationContrast.Contrast popView = PopulationContrast.of(population, opposite, items, 200, 5);
        assertEquals(contrary.likedMore().stream().map(PopulationContrast.Item::item).toList(),
                popView.likedLess().stream().map(PopulationContrast.Item::item).toList());
        assertEquals(5, contrary.likedLess().size());
        for (PopulationContrast.Item i : contrary.likedMore()) {
            assertEquals(-i.population(), i.user(), 1e-6);
        }
    }
}
