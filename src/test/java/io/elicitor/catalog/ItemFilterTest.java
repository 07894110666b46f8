package io.elicitor.catalog;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Filters exclude what they say and refuse bad input naming the field at fault. */
class ItemFilterTest {
    private static Catalog cars;

    @BeforeAll
    static void load() throws Exception {
        cars = CatalogLoader.loadResource("catalogs/cars");
    }

    @Test
    void excludesTheNamedIdsAndEveryItemFailingAPredicate() {
        BitSet rows = new ItemFilter(List.of("001", "005"), List.of("Cylinders <= 4"), false).excludedRows(cars);
        assertTrue(rows.get(cars.indexOf("001").getAsInt()) && rows.get(cars.indexOf("005").getAsInt()));
        for (int i = 0; i < cars.size(); i++) {
            Object cylinders = cars.item(i).attributes().get("Cylinders");
            boolean small = cylinders instanceof Number n && n.doubleValue() <= 4;
            String id = cars.item(i).id();
            if (!id.equals("001") && !id.equals("005")) {
                assertEquals(!small, rows.get(i), "item " + id + " with " + cylinders + " cylinders");
            }
        }
    }

    @Test
    void refusalsNameTheirField() {
        assertEquals("excludeIds", refusal(new ItemFilter(List.of("no-such-car"), List.of(), false)).field());
        assertEquals("where", refusal(new ItemFilter(List.of(), List.of("Colour == red"), false)).field());
        ItemFilter.Refusal malformed = refusal(new ItemFilter(List.of(), List.of("Cylinders"), false));
        assertEquals("where", malformed.field());
        assertTrue(malformed.getMessage().startsWith("where: "), malformed.getMessage());
    }

    private static ItemFilter.Refusal refusal(ItemFilter f) {
        return assertThrows(ItemFilter.Refusal.class, () -> f.excludedRows(cars));
    }
}
