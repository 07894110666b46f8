package io.elicitor.catalog;

import io.elicitor.catalog.AttributeSchema.Attribute;
import io.elicitor.catalog.AttributeSchema.Column;
import io.elicitor.catalog.embed.AttributeEmbedder;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An attribute catalog's schema reads every vector back in the source table's units, and bad schemas are refused. */
class AttributeSchemaTest {
    @TempDir
    Path dir;

    @Test
    void everyBundledCarReadsBackAsItsOwnAttributes() throws CatalogException {
        Catalog cars = CatalogLoader.loadResource(CatalogLoading.BUNDLED);
        AttributeSchema schema = cars.schema().orElseThrow();
        int complete = 0;
        for (int i = 0; i < cars.size(); i++) {
            Map<String, Object> source = cars.item(i).attributes();
            if (source.containsValue(null) || source.size() < schema.attributes().size()) {
                continue; // an imputed gap reads back as the column mean, not as the missing value
            }
            Map<String, Object> read = schema.read(cars.vectors().row(i));
            for (Attribute a : schema.attributes()) {
                Object want = source.get(a.name());
                if (a.isNumeric()) {
                    double expected = want instanceof String date ? LocalDate.parse(date).getYear() : ((Number) want).doubleValue();
                    assertEquals(expected, ((Number) read.get(a.name())).doubleValue(), 1e-9, cars.item(i).id() + " " + a.name());
                } else {
                    assertEquals(want, read.get(a.name()), cars.item(i).id() + " " + a.name());
                }
            }
            complete++;
        }
        assertTrue(complete > 390, "cars with every attribute: " + complete);
    }

    @Test
    void aMadeUpVectorReadsAsRoundedValuesAndItsLargestLevel() {
        AttributeSchema s = new AttributeSchema(List.of(Attribute.numeric("price", 10.0, 2.0, 4.0, 20.0, 2),
                Attribute.numeric("doors", 4.0, 1.0, 2.0, 5.0, 0), Attribute.categorical("colour", List.of("blue", "red"))),
                List.of(new Column("price", null), new Column("doors", null), new Column("colour", "blue"),
                        new Column("colour", "red")));
        Map<String, Object> read = s.read(new float[] {0.123456f, -1.4f, 0.3f, 0.7f});
        assertEquals(10.25, read.get("price"), "10 + 2 · 0.123456, to 2 decimals");
        assertEquals(3L, read.get("doors"), "0 decimals read as a whole number");
        assertEquals("red", read.get("colour"));
        assertEquals(List.of("price", "doors", "colour"), new ArrayList<>(read.keySet()));
    }

    @Test
    void theEmbedderDescribesRangesLevelsAndDecimals() throws CatalogException {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("a", 1.5, "x"));
        rows.add(row("b", 3.25, null));
        rows.add(row("c", null, "y"));
        AttributeSchema s = new AttributeEmbedder(List.of("w"), List.of("k"), "t", null).embed(rows, "test").schema();
        Attribute w = s.attribute("w");
        assertEquals(1.5, w.min());
        assertEquals(3.25, w.max());
        assertEquals(2, w.decimals());
        assertEquals(List.of(AttributeEmbedder.MISSING, "x", "y"), s.attribute("k").levels());
        assertEquals(List.of(), s.problems(4));
    }

    @Test
    void inconsistentSchemasAreRefusedNamingTheProblem() {
        Attribute price = Attribute.numeric("price", 0, 1, 0, 1, 1);
        Attribute colour = Attribute.categorical("colour", List.of("blue"));
        assertFalse(new AttributeSchema(List.of(price), List.of(new Column("price", null))).problems(2).isEmpty(),
                "fewer columns than the vectors have");
        assertTrue(problems(List.of(price), List.of(new Column("size", null))).contains("names no described attribute"));
        assertTrue(problems(List.of(colour), List.of(new Column("colour", "red"))).contains("not a level of 'colour'"));
        assertTrue(problems(List.of(Attribute.numeric("price", 0, 1, 2, 1, 1)), List.of(new Column("price", null)))
                .contains("min <= max"));
        assertTrue(problems(List.of(new Attribute("price", "ordinal", null, null, null, null, null, null)),
                List.of(new Column("price", null))).contains("kind 'ordinal'"));
        assertTrue(problems(List.of(price, price), List.of(new Column("price", null))).contains("described twice"));
        assertThrows(IllegalArgumentException.class, () -> new AttributeSchema(List.of(price), List.of(new Column("price",
                null))).read(new float[2]));
    }

    @Test
    void theLoaderRefusesACatalogWhoseSchemaDisagreesWithItsVectors() throws Exception {
        CatalogManifest m = new CatalogManifest("s", "1", "schema test", 2, 1, CatalogManifest.Files.standard(), Map.of(),
                Map.of(), null, new AttributeSchema(List.of(Attribute.numeric("price", 0, 1, 0, 1, 0)),
                List.of(new Column("price", null))));
        CatalogWriter.write(dir, m, List.of(new Item("i", "i", Map.of())), new float[] {0f, 1f});
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(dir));
        assertTrue(e.getMessage().contains("1 columns described, the vectors have 2"), e.getMessage());
    }

    private static String problems(List<Attribute> attributes, List<Column> columns) {
        return String.join("; ", new AttributeSchema(attributes, columns).problems(columns.size()));
    }

    private static Map<String, Object> row(String title, Double w, String k) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("t", title);
        r.put("w", w);
        r.put("k", k);
        return r;
    }
}
