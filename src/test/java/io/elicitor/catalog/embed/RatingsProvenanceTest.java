package io.elicitor.catalog.embed;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** MovieLens formats default to GroupLens's title, source, licence and citation; csv defaults to nothing. */
class RatingsProvenanceTest {
    @Test
    void movieLensDefaultsQuoteTheFormatAsGiven() {
        RatingsProvenance p = RatingsProvenance.resolve(RatingsFormat.ML_LATEST, "ml-latest-small", 32, null, null, null,
                null);
        assertEquals(new RatingsProvenance("MovieLens ml-latest-small (biased ALS, d=32)",
                "GroupLens MovieLens (ml-latest-small)",
                "GroupLens research-only licence: do not redistribute; no commercial use",
                "F. M. Harper and J. A. Konstan, The MovieLens Datasets: History and Context, ACM TiiS 5(4), 2015"), p);
        RatingsProvenance given = RatingsProvenance.resolve(RatingsFormat.ML_100K, "ml-100k", 8, "T", "S", "L", "A");
        assertEquals(new RatingsProvenance("T", "S", "L", "A"), given);
    }

    @Test
    void csvNeedsTitleSourceAndLicenseNamingTheMissingFlag() {
        assertEquals(new RatingsProvenance("T", "S", "L", null),
                RatingsProvenance.resolve(RatingsFormat.CSV, "csv", 8, "T", "S", "L", " "));
        assertMissing("--title", null, "S", "L");
        assertMissing("--source", "T", null, "L");
        assertMissing("--license", "T", "S", " ");
        assertNull(RatingsProvenance.resolve(RatingsFormat.CSV, "csv", 8, "T", "S", "L", null).attribution());
    }

    private static void assertMissing(String flag, String title, String source, String license) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RatingsProvenance.resolve(RatingsFormat.CSV, "csv", 8, title, source, license, "A"));
        assertEquals("--format csv needs " + flag, e.getMessage().substring(0, e.getMessage().indexOf(" (")));
    }
}
