package io.elicitor.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.elicitor.evoi.ItemMatrix;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads a catalog folder (or the same layout on the classpath) and refuses anything inconsistent: a
 * manifest that disagrees with its files, wrong dimensions, NaN or infinite values, duplicate or empty ids,
 * an empty catalog. Every message names the file, the row where there is one, and the problem.
 */
public final class CatalogLoader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {};

    /** Opens one named file of a catalog. */
    @FunctionalInterface
    public interface Source {
        /** The stream of a file inside the catalog, or an exception if it is missing. */
        InputStream open(String name) throws IOException;
    }

    private CatalogLoader() {}

    /** Loads the catalog in a folder. */
    public static Catalog load(Path dir) throws CatalogException {
        if (!Files.isDirectory(dir)) {
            throw new CatalogException(dir + ": not a folder");
        }
        return load(name -> Files.newInputStream(dir.resolve(name)), dir.toString());
    }

    /** Loads the catalog bundled on the classpath under a resource prefix such as {@code catalogs/cars}. */
    public static Catalog loadResource(String prefix) throws CatalogException {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return load(name -> {
            InputStream in = cl.getResourceAsStream(prefix + "/" + name);
            if (in == null) {
                throw new NoSuchFileException(prefix + "/" + name);
            }
            return in;
        }, "classpath:" + prefix);
    }

    /** Loads from any source; {@code where} prefixes file names in messages. */
    public static Catalog load(Source source, String where) throws CatalogException {
        CatalogManifest manifest = readManifest(source, where);
        List<Item> items = readItems(source, where + "/" + manifest.files().items(), manifest.itemCount());
        Npy.Matrix vectors = readMatrix(source, where, manifest.files().vectors());
        String vectorsName = where + "/" + manifest.files().vectors();
        if (vectors.rows() != manifest.itemCount()) {
            throw new CatalogException(vectorsName + ": has " + vectors.rows() + " rows but manifest.json says itemCount "
                    + manifest.itemCount());
        }
        if (vectors.columns() != manifest.dimension()) {
            throw new CatalogException(vectorsName + ": has " + vectors.columns()
                    + " columns but manifest.json says dimension " + manifest.dimension());
        }
        checkFinite(vectors, vectorsName);
        INDArray train = optionalUsers(source, where, manifest.files().usersTrain(), manifest.dimension());
        INDArray heldout = optionalUsers(source, where, manifest.files().usersHeldout(), manifest.dimension());
        ItemMatrix matrix = new ItemMatrix(Nd4j.create(vectors.data(), new long[] {vectors.rows(), vectors.columns()}, 'c'));
        return new Catalog(manifest, items, matrix, train, heldout);
    }

    private static CatalogManifest readManifest(Source source, String where) throws CatalogException {
        String name = where + "/manifest.json";
        CatalogManifest m;
        try (InputStream in = source.open("manifest.json")) {
            m = JSON.readValue(in, CatalogManifest.class);
        } catch (NoSuchFileException e) {
            throw new CatalogException(name + ": missing", e);
        } catch (JsonProcessingException e) {
            throw new CatalogException(name + ": invalid: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CatalogException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (m == null) {
            throw new CatalogException(name + ": empty");
        }
        List<String> problems = m.problems();
        if (!problems.isEmpty()) {
            throw new CatalogException(name + ": " + String.join("; ", problems));
        }
        return m;
    }

    private static List<Item> readItems(Source source, String name, int expected) throws CatalogException {
        List<Item> items = new ArrayList<>(expected);
        Map<String, Integer> seen = new HashMap<>(expected * 2);
        String file = name.substring(name.lastIndexOf('/') + 1);
        try (InputStream in = source.open(file);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> row;
                try {
                    row = JSON.readValue(line, ROW);
                } catch (JsonProcessingException e) {
                    throw new CatalogException(name + ": line " + lineNo + ": invalid JSON: " + e.getOriginalMessage());
                }
                Object id = row.get("id");
                if (!(id instanceof String s) || s.isBlank()) {
                    throw new CatalogException(name + ": line " + lineNo + ": 'id' is missing or empty");
                }
                Integer before = seen.put(s, lineNo);
                if (before != null) {
                    throw new CatalogException(name + ": line " + lineNo + ": duplicate id '" + s + "' (first on line " + before + ")");
                }
                Object title = row.get("title");
                Object attrs = row.getOrDefault("attributes", Map.of());
                if (!(attrs instanceof Map<?, ?> am)) {
                    throw new CatalogException(name + ": line " + lineNo + ": 'attributes' must be an object");
                }
                Map<String, Object> attributes = new LinkedHashMap<>();
                am.forEach((k, v) -> attributes.put(String.valueOf(k), v));
                items.add(new Item(s, title == null ? s : String.valueOf(title), attributes));
            }
        } catch (NoSuchFileException e) {
            throw new CatalogException(name + ": missing", e);
        } catch (IOException e) {
            throw new CatalogException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (items.isEmpty()) {
            throw new CatalogException(name + ": the catalog has no items");
        }
        if (items.size() != expected) {
            throw new CatalogException(name + ": has " + items.size() + " items but manifest.json says itemCount " + expected);
        }
        return items;
    }

    private static Npy.Matrix readMatrix(Source source, String where, String file) throws CatalogException {
        String name = where + "/" + file;
        try (InputStream in = source.open(file)) {
            return Npy.read(in, name);
        } catch (NoSuchFileException e) {
            throw new CatalogException(name + ": missing", e);
        } catch (IOException e) {
            throw new CatalogException(name + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static INDArray optionalUsers(Source source, String where, String file, int dimension) throws CatalogException {
        if (file == null) {
            return null;
        }
        Npy.Matrix m = readMatrix(source, where, file);
        String name = where + "/" + file;
        if (m.columns() != dimension) {
            throw new CatalogException(name + ": has " + m.columns() + " columns but manifest.json says dimension " + dimension);
        }
        if (m.rows() < 2) {
            throw new CatalogException(name + ": needs at least 2 user vectors, has " + m.rows());
        }
        checkFinite(m, name);
        return Nd4j.create(m.data(), new long[] {m.rows(), m.columns()}, 'c');
    }

    private static void checkFinite(Npy.Matrix m, String name) throws CatalogException {
        float[] data = m.data();
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                throw new CatalogException(name + ": row " + (i / m.columns()) + ", column " + (i % m.columns())
                        + ": value is " + data[i] + " (vectors must be finite)");
            }
        }
    }
}
