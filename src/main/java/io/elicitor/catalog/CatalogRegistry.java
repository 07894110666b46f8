package io.elicitor.catalog;

import io.elicitor.evoi.belief.GaussianPrior;
import io.elicitor.evoi.belief.Prior;
import io.elicitor.evoi.partial.AttributeSpace;
import io.elicitor.evoi.value.ExactInnerProductSearch;
import io.elicitor.evoi.value.InnerProductSearch;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalogs a process has loaded, each with what sessions need from it: the inner-product search over
 * its vectors and the prior (fitted to its population of user vectors when it has one, otherwise isotropic
 * and scaled to the catalog). Catalogs are addressed by (id, version); the newest version of an id is the
 * one new sessions get, while running sessions stay pinned to theirs. Catalogs with more items than the ANN
 * threshold get an {@link AnnInnerProductSearch} (built at registration: minutes for a million items);
 * smaller ones exact blocked search.
 */
public final class CatalogRegistry {
    /** Catalog size above which registration builds an ANN index instead of using exact search. */
    public static final int DEFAULT_ANN_THRESHOLD = 200_000;

    /** A catalog ready for sessions; {@code attributes} is empty for catalogs without a schema (ratings). */
    public record Entry(Catalog catalog, InnerProductSearch search, Prior prior, String priorDescription,
                        Optional<AttributeSpace> attributes) {}

    private final Map<String, Map<String, Entry>> byId = new ConcurrentHashMap<>();
    private final Map<String, String> latest = new ConcurrentHashMap<>();
    private final int annThreshold;
    private final AnnInnerProductSearch.Settings annSettings;

    /** A registry that uses ANN search above {@link #DEFAULT_ANN_THRESHOLD} items. */
    public CatalogRegistry() {
        this(DEFAULT_ANN_THRESHOLD);
    }

    /** A registry that uses ANN search (default settings) for catalogs with more than {@code annThreshold} items. */
    public CatalogRegistry(int annThreshold) {
        this(annThreshold, AnnInnerProductSearch.Settings.defaults());
    }

    /** A registry with an ANN threshold and index settings. */
    public CatalogRegistry(int annThreshold, AnnInnerProductSearch.Settings annSettings) {
        if (annThreshold < 0) {
            throw new IllegalArgumentException("ANN threshold must be >= 0, got " + annThreshold);
        }
        this.annThreshold = annThreshold;
        this.annSettings = Objects.requireNonNull(annSettings, "annSettings");
    }

    /** Catalog size above which ANN search is used. */
    public int annThreshold() {
        return annThreshold;
    }

    /** The search a catalog of this registry gets: ANN above the threshold, exact otherwise. */
    public InnerProductSearch searchFor(Catalog catalog) {
        return catalog.size() > annThreshold ? AnnInnerProductSearch.build(catalog.vectors(), annSettings)
                : new ExactInnerProductSearch(catalog.vectors());
    }

    /** Whether this (id, version) is loaded. */
    public boolean contains(String id, String version) {
        return find(id, version).isPresent();
    }

    /** Whether this entry is the latest version of its id. */
    public boolean isLatest(Entry e) {
        return e.catalog().version().equals(latest.get(e.catalog().id()));
    }

    /** Adds a catalog version and makes it the latest of its id; sessions pinned to other versions are untouched. */
    public Entry register(Catalog catalog) {
        Prior prior;
        String description;
        if (catalog.usersTrain().isPresent()) {
            prior = GaussianPrior.fit(catalog.usersTrain().get(), 0.01);
            description = "Gaussian fitted to " + catalog.usersTrain().get().rows() + " population users";
        } else {
            prior = GaussianPrior.scaledTo(catalog.vectors());
            description = "isotropic Gaussian scaled to the catalog";
        }
        Entry e = new Entry(catalog, searchFor(catalog), prior, description, AttributeSpaces.of(catalog));
        byId.computeIfAbsent(catalog.id(), k -> new ConcurrentHashMap<>()).put(catalog.version(), e);
        latest.put(catalog.id(), catalog.version());
        return e;
    }

    /** The latest version of a catalog id. */
    public Optional<Entry> latest(String id) {
        String v = id == null ? null : latest.get(id);
        return v == null ? Optional.empty() : find(id, v);
    }

    /** A specific version. */
    public Optional<Entry> find(String id, String version) {
        Map<String, Entry> versions = id == null ? null : byId.get(id);
        return versions == null || version == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    /** Every loaded entry. */
    public Collection<Entry> all() {
        return byId.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    /** Ids of loaded catalogs. */
    public List<String> ids() {
        return List.copyOf(latest.keySet());
    }
}
