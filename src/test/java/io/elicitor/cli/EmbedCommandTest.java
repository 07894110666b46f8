package io.elicitor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code embed} end to end: the bundled cars catalog rebuilds byte for byte, a CSV table embeds, and ratings
 * catalogs record MovieLens provenance only for MovieLens formats (given, never guessed, for {@code csv}).
 */
class EmbedCommandTest {
    @TempDir
    Path out;

    @Test
    void carsRebuildIdentically() throws Exception {
        Path cars = Path.of("item-catalog/cars");
        int code = new CommandLine(new EmbedCommand()).execute("--attributes", cars.resolve("cars.json").toString(),
                "--numeric", "Miles_per_Gallon,Cylinders,Displacement,Horsepower,Weight_in_lbs,Acceleration,Year",
                "--categorical", "Origin", "--title", "Name", "--out", out.toString(), "--catalog-id", "cars",
                "--catalog-version", "1", "--catalog-title", "UCI Auto MPG cars (1970-1982)",
                "--source", "UCI Machine Learning Repository, Auto MPG (doi:10.24432/C5859H), via npm vega-datasets@3.2.1 data/cars.json",
                "--license", "CC BY 4.0",
                "--attribution", "Quinlan, R. (1993). Auto MPG [Dataset]. UCI Machine Learning Repository. https://doi.org/10.24432/C5859H");
        assertEquals(0, code);
        assertArrayEquals(Files.readAllBytes(cars.resolve("vectors.npy")), Files.readAllBytes(out.resolve("vectors.npy")));
        assertArrayEquals(Files.readAllBytes(cars.resolve("items.jsonl")), Files.readAllBytes(out.resolve("items.jsonl")));
        ObjectMapper json = new ObjectMapper();
        ObjectNode committed = (ObjectNode) json.readTree(cars.resolve("manifest.json").toFile());
        ObjectNode rebuilt = (ObjectNode) json.readTree(out.resolve("manifest.json").toFile());
        // The recorded command names the output folder; everything else must match.
        assertEquals(committed.at("/vectors/command").asText().replace("item-catalog/cars", out.toString()),
                rebuilt.at("/vectors/command").asText());
        ((ObjectNode) committed.get("vectors")).remove("command");
        ((ObjectNode) rebuilt.get("vectors")).remove("command");
        assertEquals(committed, rebuilt);
    }

    @Test
    void csvTableEmbedsAndLoads() throws Exception {
        Path csv = out.resolve("things.csv");
        Files.writeString(csv, "sku,name,price,colour\nx1,\"Big, red\",10,red\nx2,Small,,\nx3,Mid,30,blue\n");
        Path dir = out.resolve("things");
        int code = new CommandLine(new EmbedCommand()).execute("--attributes", csv.toString(), "--numeric", "price",
                "--categorical", "colour", "--title", "name", "--id", "sku", "--out", dir.toString());
        assertEquals(0, code);
        Catalog c = CatalogLoader.load(dir);
        assertEquals(3, c.size());
        assertEquals(4, c.dimension());
        assertEquals("Big, red", c.item(0).title());
        ObjectNode m = (ObjectNode) new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals(1, m.at("/vectors/imputed/price").asInt());
        Files.writeString(csv, "sku,name,price\nx1,A,1\nx1,B,2\n");
        assertNotEquals(0, new CommandLine(new EmbedCommand()).execute("--attributes", csv.toString(), "--numeric", "price",
                "--title", "name", "--id", "sku", "--out", out.resolve("dup").toString()));
    }

    @Test
    void csvRatingsBuildTheSameVectorsWithTheGivenProvenance() throws Exception {
        Path data = syntheticRatings();
        Path titles = Files.writeString(out.resolve("titles.csv"), "id,title\n1,\"Chair, oak\"\n2,Lamp\n");
        Path csv = out.resolve("csv");
        Run run = embed("--ratings", data.toString(), "--format", "csv", "--items", titles.toString(), "--dim", "2",
                "--iterations", "3", "--title", "Shop ratings", "--source", "made up by EmbedCommandTest",
                "--license", "CC0 1.0", "--out", csv.toString());
        assertEquals(0, run.code, run.err);
        ObjectNode m = (ObjectNode) new ObjectMapper().readTree(csv.resolve("manifest.json").toFile());
        assertEquals("Shop ratings", m.get("title").asText());
        assertEquals("made up by EmbedCommandTest", m.at("/provenance/source").asText());
        assertEquals("CC0 1.0", m.at("/provenance/license").asText());
        assertFalse(m.get("provenance").has("attribution"), "no attribution given, none guessed");
        assertTrue(m.at("/vectors/command").asText().endsWith(" --items " + titles + " --title 'Shop ratings'"
                + " --source 'made up by EmbedCommandTest' --license 'CC0 1.0'"), m.at("/vectors/command").asText());
        Catalog c = CatalogLoader.load(csv);
        assertEquals("1", c.item(0).id());
        assertEquals("Chair, oak", c.item(0).title());
        assertEquals("3", c.item(2).title(), "an item the titles file lacks is titled by its id");
        assertTrue(c.usersTrain().isPresent() && c.usersHeldout().isPresent());

        // The same file read as MovieLens gives the same vectors, with GroupLens's provenance by default.
        Path ml = out.resolve("ml");
        assertEquals(0, embed("--ratings", data.toString(), "--format", "ml-latest", "--dim", "2", "--iterations", "3",
                "--out", ml.toString()).code);
        for (String f : List.of("vectors.npy", "users-train.npy", "users-heldout.npy")) {
            assertArrayEquals(Files.readAllBytes(csv.resolve(f)), Files.readAllBytes(ml.resolve(f)), f);
        }
        ObjectNode mm = (ObjectNode) new ObjectMapper().readTree(ml.resolve("manifest.json").toFile());
        assertEquals("MovieLens ml-latest (biased ALS, d=2)", mm.get("title").asText());
        assertEquals("GroupLens MovieLens (ml-latest)", mm.at("/provenance/source").asText());
        assertTrue(mm.at("/provenance/license").asText().startsWith("GroupLens research-only licence"));
        assertTrue(mm.at("/provenance/attribution").asText().startsWith("F. M. Harper and J. A. Konstan"));
        // --title names a MovieLens catalog too, as --catalog-title does.
        Path named = out.resolve("named");
        assertEquals(0, embed("--ratings", data.toString(), "--format", "ml-latest", "--dim", "2", "--iterations", "1",
                "--title", "Mine", "--out", named.toString()).code);
        assertEquals("Mine", new ObjectMapper().readTree(named.resolve("manifest.json").toFile()).get("title").asText());
    }

    @Test
    void csvRatingsWithoutTitleSourceOrLicenseAreRefusedBeforeAnyWork() throws Exception {
        // The ratings file does not exist: a refusal that names the flag was made before reading anything.
        String missing = out.resolve("absent.csv").toString();
        List<String> all = List.of("--title", "T", "--source", "S", "--license", "L");
        for (String flag : List.of("--title", "--source", "--license")) {
            List<String> args = new ArrayList<>(List.of("--ratings", missing, "--format", "csv", "--out",
                    out.resolve("never").toString()));
            for (int k = 0; k < all.size(); k += 2) {
                if (!all.get(k).equals(flag)) {
                    args.addAll(all.subList(k, k + 2));
                }
            }
            Run run = embed(args.toArray(String[]::new));
            assertEquals(2, run.code, run.err);
            assertTrue(run.err.startsWith("elicitor embed: --format csv needs " + flag + " ("), run.err);
            assertEquals(1, run.err.strip().lines().count(), run.err);
            assertFalse(Files.exists(out.resolve("never")));
        }
        Run items = embed("--ratings", missing, "--format", "ml-latest", "--items", missing, "--out", out.toString());
        assertEquals(2, items.code);
        assertTrue(items.err.contains("--items is for --format csv"), items.err);
        Run twice = embed("--ratings", missing, "--format", "ml-100k", "--title", "A", "--catalog-title", "B", "--out",
                out.toString());
        assertEquals(2, twice.code);
        assertTrue(twice.err.contains("--title or --catalog-title"), twice.err);
    }

    private record Run(int code, String err) {}

    /** Runs {@code elicitor embed ARGS} as the launcher does: refusals are one line on stderr, exit code 2. */
    private static Run embed(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = ElicitorMain.commandLine();
        cli.setErr(new PrintWriter(err, true));
        String[] full = new String[args.length + 1];
        full[0] = "embed";
        System.arraycopy(args, 0, full, 1, args.length);
        return new Run(cli.execute(full), err.toString());
    }

    /** 120 users rating 12 of 20 items each, from a rank-2 model with biases, in the ml-latest layout. */
    private Path syntheticRatings() throws Exception {
        Random rng = new Random(11);
        double[][] item = new double[21][3];
        for (double[] v : item) {
            v[0] = rng.nextGaussian();
            v[1] = rng.nextGaussian();
            v[2] = 0.7 * rng.nextGaussian();
        }
        StringBuilder sb = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int u = 1; u <= 120; u++) {
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            double bias = 0.5 * rng.nextGaussian();
            for (int i = 1; i <= 20; i++) {
                if (rng.nextInt(20) < 12) {
                    double r = 3 + bias + item[i][2] + 0.6 * (a * item[i][0] + b * item[i][1]) + 0.3 * rng.nextGaussian();
                    double stars = Math.max(0.5, Math.min(5, Math.round(2 * r) / 2.0));
                    sb.append(String.format(Locale.ROOT, "%d,%d,%.1f,0%n", u, i, stars));
                }
            }
        }
        return Files.writeString(out.resolve("ratings.csv"), sb.toString());
    }
}
