package io.elicitor.catalog.embed;

import io.elicitor.catalog.CatalogException;
import io.elicitor.catalog.Item;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV attribute tables: quoting, gaps (imputed, counted, a level of their own) and duplicate-id refusal. */
class CsvTest {
    static final String TABLE = """
            sku,name,price,weight,colour
            a1,"Chair, oak",100,,red
            a2,Table,300,20,
            a3,"Lamp ""Nova\"\"\",,2,red
            a4,Sofa,500,40,blue
            """;

    @Test
    void parsesQuotesAndEmptyFields() throws Exception {
        List<Map<String, Object>> rows = Csv.rows(TABLE, "t.csv");
        assertEquals(4, rows.size());
        assertEquals("Chair, oak", rows.get(0).get("name"));
        assertEquals("Lamp \"Nova\"", rows.get(2).get("name"));
        assertNull(rows.get(0).get("weight"));
        assertNull(rows.get(1).get("colour"));
    }

    @Test
    void embedsWithGapsImputedAndMissingAsALevel() throws Exception {
        AttributeEmbedder.Result r = new AttributeEmbedder(List.of("price", "weight"), List.of("colour"), "name", "sku")
                .embed(Csv.rows(TABLE, "t.csv"), "t.csv");
        assertEquals(List.of("price", "weight", "colour=(missing)", "colour=blue", "colour=red"), r.columns());
        assertEquals(Map.of("price", 1, "weight", 1), r.imputed());
        assertEquals("a3", r.items().get(2).id());
        assertEquals("Lamp \"Nova\"", r.items().get(2).title());
        int d = r.dimension();
        double mean = 0;
        for (int i = 0; i < 4; i++) {
            mean += r.vectors()[i * d];
        }
        assertEquals(0.0, mean, 1e-5);
        assertEquals(1f, r.vectors()[1 * d + 2]); // a2 has no colour: the (missing) level
        assertEquals(0f, r.vectors()[1], 1e-6); // a1's weight imputed with the mean: 0 once standardised
        assertEquals(0f, r.vectors()[2 * d], 1e-6); // a3's price likewise
    }

    @Test
    void rowsAreNumberedWithoutAnIdColumn() throws Exception {
        AttributeEmbedder.Result r = new AttributeEmbedder(List.of("price"), List.of(), "name", null)
                .embed(Csv.rows(TABLE, "t.csv"), "t.csv");
        assertEquals(List.of("1", "2", "3", "4"), r.items().stream().map(Item::id).toList());
    }

    @Test
    void refusesDuplicateIdsNamingBothRows() throws Exception {
        String dup = TABLE.replace("a4,Sofa", "a2,Sofa");
        CatalogException e = assertThrows(CatalogException.class, () -> new AttributeEmbedder(List.of("price"), List.of(),
                "name", "sku").embed(Csv.rows(dup, "t.csv"), "t.csv"));
        assertTrue(e.getMessage().contains("rows 2 and 4") && e.getMessage().contains("'a2'"), e.getMessage());
    }

    @Test
    void refusesRaggedRowsAndOpenQuotes() {
        CatalogException ragged = assertThrows(CatalogException.class, () -> Csv.rows("a,b\n1,2\n3\n", "r.csv"));
        assertTrue(ragged.getMessage().contains("r.csv: row 2"), ragged.getMessage());
        CatalogException open = assertThrows(CatalogException.class, () -> Csv.rows("a,b\n\"1,2\n", "o.csv"));
        assertTrue(open.getMessage().contains("not closed"), open.getMessage());
    }
}
