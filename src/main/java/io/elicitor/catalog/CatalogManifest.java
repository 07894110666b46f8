package io.elicitor.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of a catalog folder: identity, shape, files, and where the data and vectors
 * came from.
 *
 * @param id catalog id, used by clients in {@code POST /sessions}
 * @param version version string; sessions are pinned to (id, version)
 * @param title human-readable name
 * @param dimension embedding dimension d
 * @param itemCount number of items N
 * @param files file names inside the folder
 * @param provenance source, licence, attribution and checksums of the raw data
 * @param vectors how the vectors were made (method, columns, command)
 * @param lambda optional inverse temperature of the choice model on this catalog's utility scale (answers are
 *               {@code R(i|Q; w) ∝ exp(λ w·qᵢ)}); sessions on the catalog use it unless an experiment arm sets
 *               one. {@code embed --ratings} calibrates it; absent, the service's {@code elicitor.lambda} applies
 * @param schema optional: how the vector columns relate to the source table's attributes (attribute catalogs;
 *               {@code embed --attributes} writes it), so that any vector reads back in the original units
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record CatalogManifest(String id, String version, String title, int dimension, int itemCount, Files files,
                              Map<String, Object> provenance, Map<String, Object> vectors, Double lambda,
                              AttributeSchema schema) {

    /** A manifest without an attribute schema (a ratings or synthetic catalog). */
    public CatalogManifest(String id, String version, String title, int dimension, int itemCount, Files files,
                           Map<String, Object> provenance, Map<String, Object> vectors, Double lambda) {
        this(id, version, title, dimension, itemCount, files, provenance, vectors, lambda, null);
    }

    /**
     * File names of a catalog.
     *
     * @param items JSON Lines, one {@code {id, title, attributes}} per line, in vector row order
     * @param vectors {@code N × d} float32 {@code .npy}
     * @param usersTrain optional {@code n × d} float32 {@code .npy}: the population the prior is fitted on
     * @param usersHeldout optional {@code n × d} float32 {@code .npy}: ground-truth users for simulation
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Files(String items, String vectors, String usersTrain, String usersHeldout) {
        /** The default names. */
        public static Files standard() {
            return new Files("items.jsonl", "vectors.npy", null, null);
        }
    }

    /** The same manifest with another {@code lambda}. */
    public CatalogManifest withLambda(Double newLambda) {
        return new CatalogManifest(id, version, title, dimension, itemCount, files, provenance, vectors, newLambda,
                schema);
    }

    /** The same manifest with another {@code lambda}, and {@code key} set to {@code value} in {@code vectors}. */
    public CatalogManifest withLambda(Double newLambda, String key, Object value) {
        Map<String, Object> more = new java.util.LinkedHashMap<>(vectors == null ? Map.of() : vectors);
        more.put(key, value);
        return new CatalogManifest(id, version, title, dimension, itemCount, files, provenance, more, newLambda, schema);
    }

    /** Every problem with the manifest's own fields; empty when it is well formed. */
    public List<String> problems() {
        java.util.ArrayList<String> p = new java.util.ArrayList<>();
        if (id == null || id.isBlank()) {
            p.add("field 'id' is missing or empty");
        } else if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            p.add("field 'id' must be 1-64 letters, digits, '.', '_' or '-', got '" + id + "'");
        }
        if (version == null || version.isBlank()) {
            p.add("field 'version' is missing or empty");
        }
        if (dimension <= 0) {
            p.add("field 'dimension' must be positive, got " + dimension);
        }
        if (itemCount <= 0) {
            p.add("field 'itemCount' must be positive, got " + itemCount);
        }
        if (files == null || files.items() == null || files.vectors() == null) {
            p.add("field 'files' must name 'items' and 'vectors'");
        }
        if (lambda != null && !(lambda > 0 && lambda <= io.elicitor.evoi.belief.LambdaCalibration.MAX_LAMBDA)) {
            p.add("field 'lambda' must be in (0, " + (int) io.elicitor.evoi.belief.LambdaCalibration.MAX_LAMBDA + "], got " + lambda);
        }
        if (schema != null) {
            p.addAll(schema.problems(dimension));
        }
        return p;
    }
}
