package io.elicitor.api;

import io.elicitor.catalog.CatalogRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The catalogs this instance has loaded. */
@Path("/catalogs")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {
    /** One loaded catalog version; {@code lambda} only when its manifest sets one (else the service default applies). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record CatalogView(String id, String version, String title, int dimension, int itemCount, boolean latest,
                              String prior, Double lambda) {}

    @Inject
    CatalogRegistry catalogs;

    @GET
    @Operation(summary = "Every loaded (catalog, version); new sessions get the latest version of an id")
    public List<CatalogView> list() {
        return catalogs.all().stream()
                .map(e -> view(e, catalogs.isLatest(e)))
                .sorted(Comparator.comparing(CatalogView::id).thenComparing(CatalogView::version))
                .toList();
    }

    static CatalogView view(CatalogRegistry.Entry e, boolean latest) {
        var c = e.catalog();
        return new CatalogView(c.id(), c.version(), c.manifest().title(), c.dimension(), c.size(), latest,
                e.priorDescription(), c.manifest().lambda());
    }
}
