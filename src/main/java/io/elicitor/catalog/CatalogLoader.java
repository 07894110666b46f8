package io.elicitor.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.elicitor.evoi.Buffers;
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
import java.util.Collections;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Loads a catalog folder (or the same layout on the classpath) and refuses anything inconsistent: a
 * manifest that disagrees with its files, wrong dimensions, NaN or infinite values, duplicate or empty ids,
 * an empty catalog. Every message names the file, the row where there is one, and the problem.
 */
public final class CatalogLoader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

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
        ItemsRead items = readItems(source, where + "/" + manifest.files().items(), manifest.itemCount());
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
        // A bulk copy into native memory (Nd4j.create(float[]) copies element by element: seconds at 1M x 32).
        ItemMatrix matrix = new ItemMatrix(Buffers.fromArray(vectors.data(), vectors.rows(), vectors.columns()));
        return new Catalog(manifest, items.items(), items.index(), matrix, train, heldout);
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

    /** The items and their id index, read line by line with a streaming parser (a million lines in seconds). */
    private record ItemsRead(List<Item> items, IdIndex index) {}

    private static ItemsRead readItems(Source source, String name, int expected) throws CatalogException {
        List<Item> items = new ArrayList<>(expected);
        IdIndex index = new IdIndex(items, expected);
        int[] lineOfRow = new int[expected];
        String file = name.substring(name.lastIndexOf('/') + 1);
        try (InputStream in = source.open(file);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Item item;
                try {
                    item = parseItem(line, name, lineNo);
                } catch (JsonProcessingException e) {
                    throw new CatalogException(name + ": line " + lineNo + ": invalid JSON: " + e.getOriginalMessage());
                }
                int row = items.size();
                if (row >= expected) {
                    throw new CatalogException(name + ": has more than the " + expected
                            + " items manifest.json says (itemCount); line " + lineNo + " is item " + (row + 1));
                }
                items.add(item);
                int before = index.put(row);
                if (before >= 0) {
                    throw new CatalogException(name + ": line " + lineNo + ": duplicate id '" + item.id()
                            + "' (first on line " + lineOfRow[before] + ")");
                }
                lineOfRow[row] = lineNo;
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
        return new ItemsRead(Collections.unmodifiableList(items), index);
    }

    private static Item parseItem(String line, String name, int lineNo) throws IOException, CatalogException {
        try (JsonParser p = JSON.getFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new CatalogException(name + ": line " + lineNo + ": expected a JSON object");
            }
            String id = null;
            String title = null;
            Attributes attributes = Attributes.EMPTY;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "id" -> {
                        id = v == JsonToken.VALUE_STRING ? p.getText() : null;
                        p.skipChildren();
                    }
                    case "title" -> {
                        title = v.isScalarValue() && v != JsonToken.VALUE_NULL ? p.getText() : null;
                        p.skipChildren();
                    }
                    case "attributes" -> {
                        if (v != JsonToken.START_OBJECT) {
                            throw new CatalogException(name + ": line " + lineNo + ": 'attributes' must be an object");
                        }
                        List<String> keys = new ArrayList<>(4);
                        List<Object> values = new ArrayList<>(4);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            keys.add(p.currentName());
                            p.nextToken();
                            values.add(p.readValueAs(Object.class));
                        }
                        attributes = Attributes.of(keys, values);
                    }
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new CatalogException(name + ": line " + lineNo + ": invalid JSON: one object per line expected");
            }
            if (id == null || id.isBlank()) {
                throw new CatalogException(name + ": line " + lineNo + ": 'id' is missing or empty");
            }
            return new Item(id, title == null ? id : title, attributes);
        }
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
        return Buffers.fromArray(m.data(), m.rows(), m.columns());
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
