package io.elicitor.catalog;

import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.evoi.value.InnerProductSearch;
import io.elicitor.runtime.Refusal;
import io.elicitor.runtime.Refusal.Kind;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Loads catalogs into a registry: at start-up (the bundled sample and the configured folders; a bad catalog is
 * logged and skipped, the service keeps the others) and at an operator's request (a folder, refused with the
 * reason when it is unreadable, invalid or already loaded under its version). Loading parses the files,
 * fits the prior and makes the inner-product search; above the ANN threshold that is the folder's saved index
 * (seconds) or a new one (minutes: at start the service waits for it, at an operator's request it is built in
 * the background). Callers run loads off the event loop. Registration is serialised on the registry; thread-safe.
 */
public final class CatalogLoading {
    /** Classpath prefix of the bundled sample catalog. */
    public static final String BUNDLED = "catalogs/cars";
    private static final Logger LOG = Logger.getLogger(CatalogLoading.class);

    private final CatalogRegistry registry;
    private final BackgroundLoads background = new BackgroundLoads();

    /** Loading into {@code registry}. */
    public CatalogLoading(CatalogRegistry registry) {
        this.registry = registry;
    }

    /** The registry loaded into. */
    public CatalogRegistry registry() {
        return registry;
    }

    /**
     * Loads the bundled sample (when {@code bundled}) and each folder of {@code folders}, logging each catalog or
     * why it was refused, and an error when {@code defaultCatalog} ended up not loaded.
     */
    public void atStart(boolean bundled, List<String> folders, String defaultCatalog) {
        if (bundled) {
            loadLogged("bundled sample catalog", () -> CatalogLoader.loadResource(BUNDLED), null);
        }
        for (String dir : folders) {
            loadLogged(dir, () -> CatalogLoader.load(Path.of(dir)), Path.of(dir));
        }
        if (registry.latest(defaultCatalog).isEmpty()) {
            LOG.errorf("default catalog '%s' is not loaded; sessions must name a catalog (loaded: %s)",
                    defaultCatalog, registry.ids());
        }
    }

    /** What an operator's load came to: loaded now, or building in the background. */
    public sealed interface Outcome permits Loaded, Building {}

    /** Loaded and serving. */
    public record Loaded(CatalogRegistry.Entry entry) implements Outcome {}

    /** Its index is being built; poll {@link #background()} with the status's id. */
    public record Building(BackgroundLoads.Status status) implements Outcome {}

    /** The loads building in the background. */
    public BackgroundLoads background() {
        return background;
    }

    /**
     * Loads the catalog folder at {@code path} as a new version (outside every ND4J workspace, so its arrays outlive
     * the request): 400 naming {@code path} when it cannot be read or is invalid, 409 when that (id, version) is
     * already loaded or building. Small catalogs and large ones with a valid saved index are loaded before this
     * returns (seconds); a large catalog without one returns {@link Building} at once and builds its index on
     * {@link #background()}'s thread.
     */
    public Outcome byOperator(String path) {
        if (path == null || path.isBlank()) {
            throw new Refusal(Kind.INVALID, "path", "path of a catalog folder is required");
        }
        return EngineWorkspace.outside(() -> {
            Path folder;
            Catalog c;
            try {
                folder = Path.of(path);
                c = CatalogLoader.load(folder);
            } catch (CatalogException | InvalidPathException e) {
                throw new Refusal(Kind.INVALID, "path", "catalog refused: " + e.getMessage());
            }
            refuseLoaded(c);
            Optional<InnerProductSearch> quick = registry.quickSearch(c, folder);
            if (quick.isEmpty()) {
                synchronized (registry) {
                    refuseLoaded(c);
                    return new Building(background.start(c, path, () -> EngineWorkspace.outside(() -> {
                        InnerProductSearch built = registry.buildIndex(c);
                        synchronized (registry) {
                            registry.register(c, built);
                        }
                        LOG.infof("catalog '%s' version %s loaded from %s by an admin (index built in the background): "
                                + "%d items", c.id(), c.version(), path, c.size());
                        return null;
                    })));
                }
            }
            synchronized (registry) {
                refuseLoaded(c);
                CatalogRegistry.Entry e = registry.register(c, quick.get());
                LOG.infof("catalog '%s' version %s loaded from %s by an admin: %d items", c.id(), c.version(), path,
                        c.size());
                return new Loaded(e);
            }
        });
    }

    private void refuseLoaded(Catalog c) {
        synchronized (registry) {
            if (registry.contains(c.id(), c.version()) || background.building(c.id(), c.version())) {
                throw new Refusal(Kind.CONFLICT, "path", "catalog '" + c.id() + "' version " + c.version()
                        + " is already loaded or loading; give the new one another version");
            }
        }
    }

    private interface Load {
        Catalog load() throws CatalogException;
    }

    private void loadLogged(String what, Load load, Path folder) {
        try {
            Catalog c = load.load();
            InnerProductSearch search = registry.searchFor(c, folder);
            CatalogRegistry.Entry e;
            synchronized (registry) {
                e = registry.register(c, search);
            }
            LOG.infof("catalog '%s' version %s loaded from %s: %d items, dimension %d, prior: %s, search: %s", c.id(),
                    c.version(), what, c.size(), c.dimension(), e.priorDescription(), e.search().getClass().getSimpleName());
        } catch (CatalogException e) {
            // A bad catalog is refused; the service keeps serving the ones it has.
            LOG.errorf("catalog refused: %s", e.getMessage());
        }
    }
}
