package io.elicitor.evoi;

import io.elicitor.evoi.strategy.QueryContext;
import java.util.Arrays;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract every strategy's slate must meet. */
public final class StrategyContracts {
    private StrategyContracts() {}

    /** k distinct catalog items, none excluded. */
    public static void assertValidSlate(int[] slate, int k, QueryContext c) {
        assertEquals(k, slate.length, "slate size");
        assertEquals(k, Arrays.stream(slate).distinct().count(), "distinct items in " + Arrays.toString(slate));
        for (int i : slate) {
            assertTrue(i >= 0 && i < c.catalog().size(), "item " + i + " outside the catalog");
            assertFalse(c.excluded().get(i), "excluded item " + i + " shown");
        }
    }
}
