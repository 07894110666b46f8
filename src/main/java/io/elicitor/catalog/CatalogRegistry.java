package io.elicitor.catalog;

import io.elicitor.evoi.belief.GaussianPrior;
import io.elicitor.evoi.belief.Prior;
import io.elicitor.evoi.partial.AttributeSpace;
import io.elicitor.evoi.value.ExactInnerProductSearch;
import io.elicitor.evoi.value.InnerProductSearch;
import io.elicitor.runtime.Refusal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The catalogs a process has loaded, each with what sessions need from it: the inner-product search over
 * its vectors and the prior (fitted to its population of user vectors when it has one, otherwise isotropic
 * and scaled to the catalog). Catalogs are addressed by (id, version); the newest version of an id is the
 * one new sessions get, while running sessions stay pinned to theirs. Catalogs with more items than the ANN
 * threshold get an {@link AnnInnerProductSearch}, read from the catalog folder's saved index when it has a valid
 * one and otherwise built (minutes for a million items); smaller ones exact blocked search.
 */
public final class CatalogRegistry {
    /** Catalog size above which registration builds an ANN index instead of using exact search. */
    public static final int DEFAULT_ANN_THRESHOLD = 200_000;
    private static final Logger LOG = Logger.getLogger(CatalogRegistry.class);

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

    /** The search a catalog of this registry gets: ANN above the threshold (built), exact otherwise. */
    public InnerProductSearch searchFor(Catalog catalog) {
        return searchFor(catalog, null);
    }

    /**
     * The same, reading the ANN index saved in the catalog's {@code folder} ({@link AnnIndexFile}) when there is
     * a valid one, and building it (logging why) otherwise.
     */
    public InnerProductSearch searchFor(Catalog catalog, Path folder) {
        return quickSearch(catalog, folder).orElseGet(() -> buildIndex(catalog));
    }

    /**
     * The search when it is ready in seconds: exact search below the threshold, or the valid index saved in
     * {@code folder} (null for none); empty when an index must be built.
     */
    public Optional<InnerProductSearch> quickSearch(Catalog catalog, Path folder) {
        if (catalog.size() <= annThreshold) {
            return Optional.of(new ExactInnerProductSearch(catalog.vectors()));
        }
        Path file = folder == null ? null : folder.resolve(AnnIndexFile.NAME);
        if (file == null || !Files.isRegularFile(file)) {
            LOG.infof("catalog '%s' version %s: no saved index (%s); building one", catalog.id(), catalog.version(),
                    file == null ? "no folder" : file);
            return Optional.empty();
        }
        try {
            AnnInnerProductSearch read = AnnIndexFile.read(catalog.vectors(), annSettings, file);
            LOG.infof("catalog '%s' version %s: index read from %s in %d ms", catalog.id(), catalog.version(), file,
                    read.buildMillis());
            return Optional.of(read);
        } catch (CatalogException e) {
            LOG.warnf("%s; building the index instead", e.getMessage());
            return Optional.empty();
        }
    }

    /** Builds the ANN index over the catalog (minutes for a million items). */
    public AnnInnerProductSearch buildIndex(Catalog catalog) {
        AnnInnerProductSearch built = AnnInnerProductSearch.build(catalog.vectors(), annSettings);
        LOG.infof("catalog '%s' version %s: index built in %d ms (save it with ./elicitor index to start faster)",
                catalog.id(), catalog.version(), built.buildMillis());
        return built;
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
        return register(catalog, searchFor(catalog));
    }

    /** The same with a search already made for it. */
    public Entry register(Catalog catalog, InnerProductSearch search) {
        Prior prior;
        String description;
        if (catalog.usersTrain().isPresent()) {
            prior = GaussianPrior.fit(catalog.usersTrain().get(), 0.01);
            description = "Gaussian fitted to " + catalog.usersTrain().get().rows() + " population users";
        } else {
            prior = GaussianPrior.scaledTo(catalog.vectors());
            description = "isotropic Gaussian scaled to the catalog";
        }
        Entry e = new Entry(catalog, Objects.requireNonNull(search, "search"), prior, description, AttributeSpaces.of(catalog));
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

    /**
     * The catalog version a session is pinned to; a 503 refusal when this instance does not have it loaded (another
     * replica may, or an operator may load it again).
     */
    public Entry pinned(String id, String version) {
        return find(id, version).orElseThrow(() -> new Refusal(Refusal.Kind.UNAVAILABLE, null, "catalog " + id
                + " version " + version + " is not loaded on this instance"));
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
