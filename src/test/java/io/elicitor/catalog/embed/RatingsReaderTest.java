package io.elicitor.catalog.embed;

import io.elicitor.catalog.CatalogException;
import io.elicitor.catalog.Item;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each ratings format on small files, item titles beside them or from a titles CSV, and refusals naming file and line. */
class RatingsReaderTest {
    @TempDir
    Path dir;

    @Test
    void ml100kReadsTabSeparatedRatingsAndTitlesWithGenresFromUItem() throws Exception {
        Path data = write("u.data", "1\t10\t4\t881250949\n2\t10\t3.5\t0\n\n3\t20\t1\t0\n");
        write("u.item", "10|Toy Story (1995)|01-Jan-1995||http://x|0|0|1\n20|Untitled|||http://y|1|1|0\n");
        write("u.genre", "unknown|0\nAction|1\nAnimation|2\n\n");
        Ratings r = RatingsReader.read(data, RatingsFormat.ML_100K);
        assertArrayEquals(new int[] {1, 2, 3}, r.user());
        assertArrayEquals(new int[] {10, 10, 20}, r.item());
        assertArrayEquals(new float[] {4, 3.5f, 1}, r.rating());
        assertEquals(1f, r.min());
        assertEquals(4f, r.max());
        Map<Integer, Item> items = RatingsReader.movieLensItems(data, RatingsFormat.ML_100K);
        assertEquals(new Item("10", "Toy Story (1995)", Map.of("year", 1995, "genres", "Animation")), items.get(10));
        // "unknown" is not a genre worth showing.
        assertEquals(new Item("20", "Untitled", Map.of("genres", "Action")), items.get(20));
    }

    @Test
    void mlLatestSkipsItsHeaderAndReadsMoviesCsv() throws Exception {
        Path data = write("ratings.csv", "userId,movieId,rating,timestamp\n5,1,4.5,964982703\n6,2,0.5,964981247\n");
        write("movies.csv", "movieId,title,genres\n1,\"American President, The (1995)\",Comedy|Drama\n"
                + "2,Nothing (2001),(no genres listed)\n");
        Ratings r = RatingsReader.read(data, RatingsFormat.ML_LATEST);
        assertEquals(2, r.size());
        assertArrayEquals(new int[] {5, 6}, r.user());
        assertArrayEquals(new float[] {4.5f, 0.5f}, r.rating());
        Map<Integer, Item> items = RatingsReader.movieLensItems(data, RatingsFormat.ML_LATEST);
        assertEquals(new Item("1", "American President, The (1995)", Map.of("year", 1995, "genres", "Comedy|Drama")),
                items.get(1));
        assertEquals(Map.of("year", 2001), items.get(2).attributes());
        assertTrue(RatingsReader.movieLensItems(write("sub/ratings.csv", "1,1,1\n"), RatingsFormat.ML_LATEST).isEmpty(),
                "no movies.csv beside the ratings: no titles");
    }

    @Test
    void csvSkipsAnyHeaderIgnoresExtraColumnsAndUnquotesNumbers() throws Exception {
        Path data = write("shop.csv", "\ncustomer,sku,stars,comment\n7,100,4.5,\"great, really\"\n\"8\", \"101\" ,\"2\"\n");
        Ratings r = RatingsReader.read(data, RatingsFormat.CSV);
        assertArrayEquals(new int[] {7, 8}, r.user());
        assertArrayEquals(new int[] {100, 101}, r.item());
        assertArrayEquals(new float[] {4.5f, 2}, r.rating());
        // The header is skipped whatever it says, even when it looks like data.
        assertEquals(1, RatingsReader.read(write("numeric-header.csv", "1,2,3\n4,5,6\n"), RatingsFormat.CSV).size());
        CatalogException none = assertThrows(CatalogException.class,
                () -> RatingsReader.read(write("header-only.csv", "user,item,rating\n"), RatingsFormat.CSV));
        assertTrue(none.getMessage().endsWith("header-only.csv: no ratings"), none.getMessage());
    }

    @Test
    void aBadLineIsRefusedNamingFileAndLine() throws Exception {
        assertRefused("bad.data", "1\t10\t4\t0\n\n1\tten\t4\t0\n", RatingsFormat.ML_100K, "line 3: not a rating line");
        assertRefused("bad-latest.csv", "userId,movieId,rating,timestamp\n1,2\n", RatingsFormat.ML_LATEST,
                "line 2: expected user, item, rating");
        assertRefused("bad.csv", "u,i,r\n1,2,3\n1,2,NaN\n", RatingsFormat.CSV, "line 3: rating is not finite");
        assertRefused("ids.csv", "u,i,r\n1,2,3\nalice,2,3\n", RatingsFormat.CSV, "line 3: not a rating line");
        // ml-latest skips only its own header: another first line is data, and bad.
        assertRefused("other-header.csv", "user,item,rating\n", RatingsFormat.ML_LATEST, "line 1: not a rating line");
    }

    @Test
    void csvItemsAreTitledFromTheTitlesFileElseByTheirId() throws Exception {
        Ratings r = RatingsReader.read(write("r.csv", "u,i,r\n1,100,4\n2,101,3\n3,100,5\n"), RatingsFormat.CSV);
        Map<Integer, Item> byId = RatingsReader.csvItems(r, null);
        assertEquals(Map.of(100, new Item("100", "100", Map.of()), 101, new Item("101", "101", Map.of())), byId);
        Path titles = write("titles.csv", "id,title,colour\n100,\"Chair, oak\",brown\n999,Unrated,red\n");
        Map<Integer, Item> titled = RatingsReader.csvItems(r, titles);
        assertEquals("Chair, oak", titled.get(100).title());
        assertEquals("101", titled.get(101).title());
        assertFalse(titled.containsKey(999), "only rated items");
        CatalogException dup = assertThrows(CatalogException.class,
                () -> RatingsReader.csvItems(r, write("dup.csv", "id,title\n100,A\n100,B\n")));
        assertTrue(dup.getMessage().contains("dup.csv: row 2: duplicate item id 100"), dup.getMessage());
        CatalogException bad = assertThrows(CatalogException.class,
                () -> RatingsReader.csvItems(r, write("bad-titles.csv", "id,title\nx1,A\n")));
        assertTrue(bad.getMessage().contains("bad-titles.csv: row 1: item id 'x1' is not a whole number"),
                bad.getMessage());
    }

    @Test
    void formatsParseAndOnlyMovieLensOnesAreMovieLens() {
        assertEquals(RatingsFormat.ML_LATEST, RatingsFormat.parse("ML-Latest-Small"));
        assertEquals(RatingsFormat.CSV, RatingsFormat.parse("csv"));
        assertTrue(RatingsFormat.ML_100K.isMovieLens() && RatingsFormat.ML_LATEST.isMovieLens());
        assertFalse(RatingsFormat.CSV.isMovieLens());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RatingsFormat.parse("tsv"));
        assertEquals("--format must be ml-100k, ml-latest or csv, got 'tsv'", e.getMessage());
    }

    private void assertRefused(String name, String text, RatingsFormat format, String expected) throws Exception {
        Path file = write(name, text);
        CatalogException e = assertThrows(CatalogException.class, () -> RatingsReader.read(file, format));
        assertTrue(e.getMessage().startsWith(file + ": " + expected), e.getMessage());
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
