package io.elicitor.app;

import io.elicitor.catalog.AnnInnerProductSearch;
import io.elicitor.catalog.CatalogLoading;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.config.ElicitorConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** Makes the process's catalog registry, loading the configured catalogs (and the bundled sample) at start. */
public final class CatalogWiring {
    @Produces
    @Singleton
    CatalogLoading loading(ElicitorConfig config) {
        CatalogLoading loading = new CatalogLoading(new CatalogRegistry(config.annThreshold()));
        loading.atStart(config.bundledCatalog(), config.catalogs().orElse(List.of()), config.defaultCatalog());
        return loading;
    }

    @Produces
    @Singleton
    CatalogRegistry registry(CatalogLoading loading, MeterRegistry meters) {
        CatalogRegistry registry = loading.registry();
        // How often an ANN search is a repeat answered from its memo (AnnInnerProductSearch), over all catalogs.
        FunctionCounter.builder("elicitor.ann.searches.memoized", registry, r -> memo(r, 0)).register(meters);
        FunctionCounter.builder("elicitor.ann.searches.walked", registry, r -> memo(r, 1)).register(meters);
        return registry;
    }

    private static double memo(CatalogRegistry registry, int which) {
        return registry.all().stream().filter(e -> e.search() instanceof AnnInnerProductSearch)
                .mapToLong(e -> ((AnnInnerProductSearch) e.search()).memoHitsAndMisses()[which]).sum();
    }
}
