package io.elicitor.app;

import io.elicitor.catalog.CatalogLoading;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.config.ElicitorConfig;
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
    CatalogRegistry registry(CatalogLoading loading) {
        return loading.registry();
    }
}
