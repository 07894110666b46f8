package io.elicitor.catalog;

import io.elicitor.evoi.ItemMatrix;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loaded, validated, immutable catalog: its manifest, items in vector row order, the {@code N × d}
 * embedding matrix, and optional population user vectors. Shared read-only by every session pinned to it.
 */
public final class Catalog {
    private final CatalogManifest manifest;
    private final List<Item> items;
    private final Map<String, Integer> indexById;
    private final ItemMatrix vectors;
    private final INDArray usersTrain;
    private final INDArray usersHeldout;

    /** Assembles a catalog; the loader has validated the parts. */
    public Catalog(CatalogManifest manifest, List<Item> items, ItemMatrix vectors, INDArray usersTrain,
                   INDArray usersHeldout) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.items = List.copyOf(items);
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        if (this.items.size() != vectors.size()) {
            throw new IllegalArgumentException(items.size() + " items but " + vectors.size() + " vectors");
        }
        Map<String, Integer> index = new HashMap<>(this.items.size() * 2);
        for (int i = 0; i < this.items.size(); i++) {
            if (index.put(this.items.get(i).id(), i) != null) {
                throw new IllegalArgumentException("duplicate item id " + this.items.get(i).id());
            }
        }
        this.indexById = Collections.unmodifiableMap(index);
        this.usersTrain = usersTrain;
        this.usersHeldout = usersHeldout;
    }

    public String id() {
        return manifest.id();
    }

    public String version() {
        return manifest.version();
    }

    public CatalogManifest manifest() {
        return manifest;
    }

    /** Number of items. */
    public int size() {
        return items.size();
    }

    /** Embedding dimension. */
    public int dimension() {
        return vectors.dimension();
    }

    /** The item at a row. */
    public Item item(int index) {
        return items.get(index);
    }

    /** The items in row order (unmodifiable). */
    public List<Item> items() {
        return items;
    }

    /** The row of an item id, if present. */
    public OptionalInt indexOf(String itemId) {
        Integer i = itemId == null ? null : indexById.get(itemId);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** The embeddings. */
    public ItemMatrix vectors() {
        return vectors;
    }

    /** Population user vectors to fit the prior on, if the catalog has them. */
    public Optional<INDArray> usersTrain() {
        return Optional.ofNullable(usersTrain);
    }

    /** Held-out user vectors for simulation, if the catalog has them. */
    public Optional<INDArray> usersHeldout() {
        return Optional.ofNullable(usersHeldout);
    }
}
