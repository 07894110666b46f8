package io.elicitor.app;

import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogException;
import io.elicitor.catalog.CatalogLoader;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.config.ElicitorConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/** Loads the catalogs named in configuration (and the bundled sample) into the process's registry at start. */
public final class CatalogBootstrap {
    /** Classpath prefix of the bundled sample catalog. */
    public static final String BUNDLED = "catalogs/cars";
    private static final Logger LOG = Logger.getLogger(CatalogBootstrap.class);

    @Produces
    @Singleton
    CatalogRegistry registry(ElicitorConfig config) {
        CatalogRegistry registry = new CatalogRegistry(config.annThreshold());
        if (config.bundledCatalog()) {
            load(registry, "bundled sample catalog", () -> CatalogLoader.loadResource(BUNDLED));
        }
        for (String dir : config.catalogs().orElse(List.of())) {
            load(registry, dir, () -> CatalogLoader.load(Path.of(dir)));
        }
        if (registry.latest(config.defaultCatalog()).isEmpty()) {
            LOG.errorf("default catalog '%s' is not loaded; sessions must name a catalog (loaded: %s)",
                    config.defaultCatalog(), registry.ids());
        }
        return registry;
    }

    private interface Loading {
        Catalog load() throws CatalogException;
    }

    private static void load(CatalogRegistry registry, String what, Loading loading) {
        try {
            Catalog c = loading.load();
            CatalogRegistry.Entry e = registry.register(c);
            LOG.infof("catalog '%s' version %s loaded from %s: %d items, dimension %d, prior: %s, search: %s", c.id(),
                    c.version(), what, c.size(), c.dimension(), e.priorDescription(),
                    e.search().getClass().getSimpleName());
        } catch (CatalogException e) {
            // A bad catalog is refused; the service keeps serving the ones it has.
            LOG.errorf("catalog refused: %s", e.getMessage());
        }
    }
}
