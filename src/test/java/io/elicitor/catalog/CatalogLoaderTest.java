package io.elicitor.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loader refuses every malformed catalog with a message naming the file, the row and the problem. */
class CatalogLoaderTest {
    @TempDir
    Path dir;

    private static final int N = 4;
    private static final int D = 3;

    private static CatalogManifest manifest(int itemCount, int dimension, boolean users) {
        return new CatalogManifest("t", "1", "test", dimension, itemCount, users
                ? new CatalogManifest.Files("items.jsonl", "vectors.npy", "users-train.npy", "users-heldout.npy")
                : CatalogManifest.Files.standard(), Map.of(), Map.of(), null);
    }

    private static List<Item> items(int n) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new Item("id" + i, "Item " + i, Map.of("year", 2000 + i)));
        }
        return items;
    }

    private static float[] values(int n, int d) {
        float[] v = new float[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i % 7) * 0.25f - 0.5f;
        }
        return v;
    }

    private void writeGood() throws IOException {
        CatalogWriter.write(dir, manifest(N, D, true), items(N), values(N, D), values(5, D), values(6, D));
    }

    private String refusal() {
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogLoader.load(dir));
        return e.getMessage();
    }

    private static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "message '" + message + "' should mention '" + p + "'");
        }
    }

    private void writeManifest(CatalogManifest m) throws IOException {
        new com.fasterxml.jackson.databind.ObjectMapper().writeValue(dir.resolve("manifest.json").toFile(), m);
    }

    @Test
    void loadsAWellFormedCatalogWithUsers() throws Exception {
        writeGood();
        Catalog c = CatalogLoader.load(dir);
        assertEquals(N, c.size());
        assertEquals(D, c.dimension());
        assertEquals("id2", c.item(2).id());
        assertEquals(5, c.usersTrain().orElseThrow().rows());
        assertEquals(6, c.usersHeldout().orElseThrow().rows());
        assertEquals(values(N, D)[4], c.vectors().row(1)[1]);
    }

    @Test
    void readsAnOptionalLambdaAndRefusesOneOutOfRange() throws Exception {
        writeGood();
        assertTrue(CatalogLoader.load(dir).lambda().isEmpty());
        writeManifest(manifest(N, D, true).withLambda(9.25));
        assertEquals(9.25, CatalogLoader.load(dir).lambda().getAsDouble());
        for (double bad : new double[] {0, -1, 5000}) {
            writeManifest(manifest(N, D, true).withLambda(bad));
            assertMentions(refusal(), "manifest.json", "'lambda'");
        }
    }

    @Test
    void refusesNaNNamingFileRowAndColumn() throws Exception {
        writeGood();
        float[] v = values(N, D);
        v[2 * D + 1] = Float.NaN;
        CatalogWriter.writeMatrix(dir.resolve("vectors.npy"), N, D, v);
        assertMentions(refusal(), "vectors.npy", "row 2", "column 1", "NaN");
    }

    @Test
    void refusesInfinityInUserVectors() throws Exception {
        writeGood();
        float[] u = values(5, D);
        u[3 * D] = Float.NEGATIVE_INFINITY;
        CatalogWriter.writeMatrix(dir.resolve("users-train.npy"), 5, D, u);
        assertMentions(refusal(), "users-train.npy", "row 3", "Infinity");
    }

    @Test
    void refusesVectorsOfTheWrongDimension() throws Exception {
        writeGood();
        CatalogWriter.writeMatrix(dir.resolve("vectors.npy"), N, D + 1, values(N, D + 1));
        assertMentions(refusal(), "vectors.npy", "4 columns", "dimension 3");
    }

    @Test
    void refusesUserVectorsOfTheWrongDimension() throws Exception {
        writeGood();
        CatalogWriter.writeMatrix(dir.resolve("users-heldout.npy"), 6, 2, values(6, 2));
        assertMentions(refusal(), "users-heldout.npy", "2 columns", "dimension 3");
    }

    @Test
    void refusesDuplicateIdsNamingBothLines() throws Exception {
        writeGood();
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("items.jsonl")));
        lines.set(3, lines.get(1));
        Files.write(dir.resolve("items.jsonl"), lines);
        assertMentions(refusal(), "items.jsonl", "line 4", "duplicate id 'id1'", "line 2");
    }

    @Test
    void refusesEmptyAndMissingIds() throws Exception {
        writeGood();
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("items.jsonl")));
        lines.set(2, "{\"id\":\"  \",\"title\":\"blank\"}");
        Files.write(dir.resolve("items.jsonl"), lines);
        assertMentions(refusal(), "items.jsonl", "line 3", "'id' is missing or empty");
        lines.set(2, "{\"title\":\"no id\"}");
        Files.write(dir.resolve("items.jsonl"), lines);
        assertMentions(refusal(), "items.jsonl", "line 3", "'id' is missing or empty");
    }

    @Test
    void refusesAnEmptyCatalog() throws Exception {
        writeGood();
        Files.writeString(dir.resolve("items.jsonl"), "");
        assertMentions(refusal(), "items.jsonl", "no items");
        writeManifest(manifest(0, D, false));
        assertMentions(refusal(), "manifest.json", "itemCount", "positive");
    }

    @Test
    void refusesAManifestThatDisagreesWithItsFiles() throws Exception {
        writeGood();
        writeManifest(manifest(N - 1, D, true));
        assertMentions(refusal(), "items.jsonl", "more than the 3 items", "itemCount", "line 4");
        writeGood();
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("items.jsonl")));
        Files.write(dir.resolve("items.jsonl"), lines.subList(0, N - 1));
        assertMentions(refusal(), "items.jsonl", "has 3 items", "itemCount 4");
        // Items agree with the manifest but the vectors have another row count.
        writeGood();
        CatalogWriter.writeMatrix(dir.resolve("vectors.npy"), N + 1, D, values(N + 1, D));
        assertMentions(refusal(), "vectors.npy", "5 rows", "itemCount 4");
        writeGood();
        writeManifest(manifest(N, D + 2, true));
        assertMentions(refusal(), "vectors.npy", "3 columns", "dimension 5");
    }

    @Test
    void refusesMissingFiles() throws Exception {
        for (String file : List.of("manifest.json", "items.jsonl", "vectors.npy", "users-train.npy", "users-heldout.npy")) {
            writeGood();
            Files.delete(dir.resolve(file));
            assertMentions(refusal(), file, "missing");
        }
        assertMentions(assertThrows(CatalogException.class, () -> CatalogLoader.load(dir.resolve("nope"))).getMessage(),
                "nope", "not a folder");
    }

    @Test
    void refusesBadNpyHeaders() throws Exception {
        writeGood();
        Path v = dir.resolve("vectors.npy");
        byte[] good = Files.readAllBytes(v);

        byte[] magic = good.clone();
        magic[1] = 'X';
        Files.write(v, magic);
        assertMentions(refusal(), "vectors.npy", "not a .npy file");

        Files.write(v, replaceHeader(good, "'<f4'", "'<f8'"));
        assertMentions(refusal(), "vectors.npy", "float32", "<f8");

        Files.write(v, replaceHeader(good, "False", "True "));
        assertMentions(refusal(), "vectors.npy", "Fortran");

        Files.write(v, replaceHeader(good, "(4, 3)", "(4,)  "));
        assertMentions(refusal(), "vectors.npy", "2-D", "1 dimension");

        Files.write(v, replaceHeader(good, "'shape'", "'shapx'"));
        assertMentions(refusal(), "vectors.npy", "header has no 'shape'");

        Files.write(v, Arrays.copyOf(good, good.length - 5));
        assertMentions(refusal(), "vectors.npy", "ends before the data");

        Files.write(v, Arrays.copyOf(good, 7));
        assertMentions(refusal(), "vectors.npy");
    }

    @Test
    void refusesInvalidManifestAndItemJson() throws Exception {
        writeGood();
        Files.writeString(dir.resolve("manifest.json"), "{\"id\": \"t\", \"surprise\": 1}");
        assertMentions(refusal(), "manifest.json", "invalid");
        writeGood();
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve("items.jsonl")));
        lines.set(1, "{not json");
        Files.write(dir.resolve("items.jsonl"), lines);
        assertMentions(refusal(), "items.jsonl", "line 2", "invalid JSON");
    }

    /** The same header with one piece of text replaced by another of the same length. */
    private static byte[] replaceHeader(byte[] file, String from, String to) {
        assertEquals(from.length(), to.length());
        int headerEnd = 10 + ((file[8] & 0xff) | (file[9] & 0xff) << 8);
        String header = new String(file, 0, headerEnd, StandardCharsets.ISO_8859_1);
        assertTrue(header.contains(from), header);
        byte[] out = file.clone();
        byte[] h = header.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(h, 0, out, 0, h.length);
        return out;
    }
}
