package io.elicitor.catalog;

import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.runtime.Refusal;
import io.elicitor.runtime.Refusal.Kind;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads catalogs into a registry: at start-up (the bundled sample and the configured folders; a bad catalog is
 * logged and skipped, the service keeps the others) and at an operator's request (a folder, refused with the
 * reason when it is unreadable, invalid or already loaded under its version). Loading parses the files,
 * fits the prior and builds the inner-product search; above the ANN threshold that index takes minutes, so
 * callers run it off the event loop. Registration is serialised on the registry; thread-safe.
 */
public final class CatalogLoading {
    /** Classpath prefix of the bundled sample catalog. */
    public static final String BUNDLED = "catalogs/cars";
    private static final Logger LOG = Logger.getLogger(CatalogLoading.class);

    private final CatalogRegistry registry;

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
            loadLogged("bundled sample catalog", () -> CatalogLoader.loadResource(BUNDLED));
        }
        for (String dir : folders) {
            loadLogged(dir, () -> CatalogLoader.load(Path.of(dir)));
        }
        if (registry.latest(defaultCatalog).isEmpty()) {
            LOG.errorf("default catalog '%s' is not loaded; sessions must name a catalog (loaded: %s)",
                    defaultCatalog, registry.ids());
        }
    }

    /**
     * Loads the catalog folder at {@code path} as a new version (outside every ND4J workspace, so its arrays outlive
     * the request): 400 naming {@code path} when it cannot be read or is invalid, 409 when that (id, version) is
     * already loaded. Blocking: minutes for a large catalog.
     */
    public CatalogRegistry.Entry byOperator(String path) {
        if (path == null || path.isBlank()) {
            throw new Refusal(Kind.INVALID, "path", "path of a catalog folder is required");
        }
        return EngineWorkspace.outside(() -> {
            Catalog c;
            try {
                c = CatalogLoader.load(Path.of(path));
            } catch (CatalogException | InvalidPathException e) {
                throw new Refusal(Kind.INVALID, "path", "catalog refused: " + e.getMessage());
            }
            synchronized (registry) {
                if (registry.contains(c.id(), c.version())) {
                    throw new Refusal(Kind.CONFLICT, "path", "catalog '" + c.id() + "' version " + c.version()
                            + " is already loaded; give the new one another version");
                }
                CatalogRegistry.Entry e = registry.register(c);
                LOG.infof("catalog '%s' version %s loaded from %s by an admin: %d items", c.id(), c.version(), path,
                        c.size());
                return e;
            }
        });
    }

    private interface Load {
        Catalog load() throws CatalogException;
    }

    private void loadLogged(String what, Load load) {
        try {
            Catalog c = load.load();
            CatalogRegistry.Entry e;
            synchronized (registry) {
                e = registry.register(c);
            }
            LOG.infof("catalog '%s' version %s loaded from %s: %d items, dimension %d, prior: %s, search: %s", c.id(),
                    c.version(), what, c.size(), c.dimension(), e.priorDescription(), e.search().getClass().getSimpleName());
        } catch (CatalogException e) {
            // A bad catalog is refused; the service keeps serving the ones it has.
            LOG.errorf("catalog refused: %s", e.getMessage());
        }
    }
}
