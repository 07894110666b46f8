package io.elicitor.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.elicitor.catalog.AttributeEmbedder;
import io.elicitor.catalog.CatalogException;
import io.elicitor.catalog.CatalogManifest;
import io.elicitor.catalog.CatalogWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code elicitor embed}: builds a catalog folder from an attribute table. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Build a catalog (manifest.json, items.jsonl, vectors.npy) from an attribute table:"
                + " numeric columns standardised with gaps imputed, categorical columns one-hot.")
final class EmbedCommand implements Callable<Integer> {
    @Option(names = "--attributes", required = true, description = "JSON array of row objects.")
    Path attributes;

    @Option(names = "--numeric", split = ",", description = "Numeric columns (ISO dates become fractional years).")
    List<String> numeric = List.of();

    @Option(names = "--categorical", split = ",", description = "Categorical columns (one-hot).")
    List<String> categorical = List.of();

    @Option(names = "--title", required = true, description = "Column holding each item's title.")
    String title;

    @Option(names = "--id", description = "Column holding unique item ids (default: rows are numbered).")
    String id;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--catalog-id", description = "Catalog id (default: the output folder's name).")
    String catalogId;

    @Option(names = "--catalog-version", defaultValue = "1", description = "Catalog version (default: ${DEFAULT-VALUE}).")
    String catalogVersion;

    @Option(names = "--catalog-title", description = "Human-readable catalog name.")
    String catalogTitle;

    @Option(names = "--source", description = "Where the table came from (recorded in the manifest).")
    String source;

    @Option(names = "--license", description = "The table's licence (recorded in the manifest).")
    String license;

    @Option(names = "--attribution", description = "Required attribution text (recorded in the manifest).")
    String attribution;

    @Override
    public Integer call() throws IOException, CatalogException {
        byte[] raw = Files.readAllBytes(attributes);
        List<Map<String, Object>> rows;
        try (InputStream in = Files.newInputStream(attributes)) {
            rows = new ObjectMapper().readValue(in, new TypeReference<>() {});
        }
        AttributeEmbedder.Result result = new AttributeEmbedder(numeric, categorical, title, id)
                .embed(rows, attributes.toString());
        String cid = catalogId != null ? catalogId : out.toAbsolutePath().normalize().getFileName().toString();
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("input", attributes.getFileName().toString());
        provenance.put("sha256", sha256(raw));
        putIfSet(provenance, "source", source);
        putIfSet(provenance, "license", license);
        putIfSet(provenance, "attribution", attribution);
        Map<String, Object> vectors = new LinkedHashMap<>();
        vectors.put("method", "attributes: numeric standardised (mean-imputed), categorical one-hot");
        vectors.put("columns", result.columns());
        vectors.put("imputed", result.imputed());
        vectors.put("means", result.means());
        vectors.put("stds", result.stds());
        vectors.put("command", "./elicitor embed --attributes " + attributes.getFileName()
                + (numeric.isEmpty() ? "" : " --numeric " + String.join(",", numeric))
                + (categorical.isEmpty() ? "" : " --categorical " + String.join(",", categorical))
                + " --title " + title + (id == null ? "" : " --id " + id) + " --out " + out);
        CatalogManifest manifest = new CatalogManifest(cid, catalogVersion, catalogTitle, result.dimension(),
                result.items().size(), CatalogManifest.Files.standard(), provenance, vectors);
        CatalogWriter.write(out, manifest, result.items(), result.vectors());
        System.out.printf("wrote %s: %d items, dimension %d, imputed %s%n", out, result.items().size(),
                result.dimension(), result.imputed());
        return 0;
    }

    private static void putIfSet(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
