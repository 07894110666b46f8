package io.elicitor.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a catalog folder in the documented format: {@code manifest.json}, {@code items.jsonl}, {@code vectors.npy}. */
public final class CatalogWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogWriter() {}

    /** Writes items and vectors, then the manifest last, so a half-written folder never has a manifest. */
    public static void write(Path dir, CatalogManifest manifest, List<Item> items, float[] vectors) throws IOException {
        if (items.size() != manifest.itemCount() || (long) items.size() * manifest.dimension() != vectors.length) {
            throw new IllegalArgumentException("manifest shape disagrees with the items and vectors given");
        }
        Files.createDirectories(dir);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(manifest.files().items()), StandardCharsets.UTF_8)) {
            for (Item item : items) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", item.id());
                row.put("title", item.title());
                row.put("attributes", item.attributes());
                w.write(JSON.writeValueAsString(row));
                w.write('\n');
            }
        }
        writeMatrix(dir.resolve(manifest.files().vectors()), items.size(), manifest.dimension(), vectors);
        JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("manifest.json").toFile(), manifest);
    }

    /**
     * Replaces a catalog folder's {@code manifest.json} and nothing else, through a temporary file moved into place,
     * so a reader never sees half a manifest.
     */
    public static void rewriteManifest(Path dir, CatalogManifest manifest) throws IOException {
        Path tmp = Files.createTempFile(dir, "manifest", ".json.tmp");
        JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), manifest);
        Files.move(tmp, dir.resolve("manifest.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Writes a catalog with population user vectors: {@code usersTrain} and {@code usersHeldout} (row-major,
     * {@code n × d}) go to the files the manifest names; the manifest is written last.
     */
    public static void write(Path dir, CatalogManifest manifest, List<Item> items, float[] vectors, float[] usersTrain,
                             float[] usersHeldout) throws IOException {
        int d = manifest.dimension();
        if (manifest.files().usersTrain() == null || manifest.files().usersHeldout() == null
                || usersTrain.length % d != 0 || usersHeldout.length % d != 0) {
            throw new IllegalArgumentException("manifest must name both user files and user vectors must have dimension " + d);
        }
        Files.createDirectories(dir);
        writeMatrix(dir.resolve(manifest.files().usersTrain()), usersTrain.length / d, d, usersTrain);
        writeMatrix(dir.resolve(manifest.files().usersHeldout()), usersHeldout.length / d, d, usersHeldout);
        write(dir, manifest, items, vectors);
    }

    /** Writes one float32 matrix as {@code .npy}. */
    public static void writeMatrix(Path file, int rows, int columns, float[] data) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Npy.write(out, rows, columns, data);
        }
    }
}
