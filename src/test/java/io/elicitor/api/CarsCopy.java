package io.elicitor.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** The bundled cars catalog copied under another id and version, for tests that load catalogs of their own. */
public final class CarsCopy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CarsCopy() {}

    /** A new folder below {@code parent} holding cars as catalog {@code id}, version {@code version}. */
    public static Path write(Path parent, String id, String version) throws IOException {
        return write(parent, id, version, true);
    }

    /**
     * The same, optionally without the attribute schema: a catalog whose vectors no longer read back as attributes,
     * as a ratings catalog's do not.
     */
    static Path write(Path parent, String id, String version, boolean schema) throws IOException {
        Path src = Path.of("item-catalog/cars");
        Path dir = Files.createDirectories(parent.resolve(id + "-v" + version + "-" + UUID.randomUUID()));
        for (String f : List.of("items.jsonl", "vectors.npy")) {
            Files.copy(src.resolve(f), dir.resolve(f));
        }
        ObjectNode m = (ObjectNode) JSON.readTree(src.resolve("manifest.json").toFile());
        m.put("id", id).put("version", version);
        m.remove("provenance");
        if (!schema) {
            m.remove("schema");
        }
        JSON.writeValue(dir.resolve("manifest.json").toFile(), m);
        return dir;
    }
}
