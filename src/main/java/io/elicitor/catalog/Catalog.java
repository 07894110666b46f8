package io.elicitor.catalog;

import io.elicitor.evoi.ItemMatrix;
import java.util.List;
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
    private final IdIndex indexById;
    private final ItemMatrix vectors;
    private final INDArray usersTrain;
    private final INDArray usersHeldout;

    /** Assembles a catalog; the loader has validated the parts. */
    public Catalog(CatalogManifest manifest, List<Item> items, ItemMatrix vectors, INDArray usersTrain,
                   INDArray usersHeldout) {
        this(manifest, List.copyOf(items), null, vectors, usersTrain, usersHeldout);
    }

    /** The same with the loader's id index of {@code items} (an unmodifiable list), so it is not built twice. */
    Catalog(CatalogManifest manifest, List<Item> items, IdIndex index, ItemMatrix vectors, INDArray usersTrain,
            INDArray usersHeldout) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.items = items;
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        if (this.items.size() != vectors.size()) {
            throw new IllegalArgumentException(items.size() + " items but " + vectors.size() + " vectors");
        }
        if (index == null) {
            index = new IdIndex(this.items, this.items.size());
            for (int i = 0; i < this.items.size(); i++) {
                if (index.put(i) >= 0) {
                    throw new IllegalArgumentException("duplicate item id " + this.items.get(i).id());
                }
            }
        }
        this.indexById = index;
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

    /** The choice model's λ for this catalog's utility scale, when its manifest sets one. */
    public java.util.OptionalDouble lambda() {
        return manifest.lambda() == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(manifest.lambda());
    }

    /** How the vector columns read back as attributes, when the catalog was built from an attribute table. */
    public java.util.Optional<AttributeSchema> schema() {
        return java.util.Optional.ofNullable(manifest.schema());
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
        int i = itemId == null ? -1 : indexById.get(itemId);
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
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
