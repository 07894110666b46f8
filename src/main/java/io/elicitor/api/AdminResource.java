package io.elicitor.api;

import io.elicitor.catalog.CatalogLoading;
import io.elicitor.runtime.MathExecutor;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Operator endpoints; each needs the {@code X-Admin-Key} header to match {@code elicitor.admin-key}. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {
    /** {@code POST /admin/catalogs}: a catalog folder readable by the server. */
    public record LoadCatalog(String path) {}

    @Inject
    CatalogLoading catalogs;

    @Inject
    MathExecutor math;

    @Inject
    AdminGuard admin;

    @POST
    @Path("catalogs")
    @Operation(summary = "Load a catalog version from a folder; running sessions stay on their versions")
    public Uni<Response> load(@HeaderParam("X-Admin-Key") String key, LoadCatalog body) {
        admin.require(key);
        // Loading parses, fits the prior and may build an ANN index: on the maths pool, never the event loop.
        return math.submit(() -> catalogs.byOperator(body == null ? null : body.path()))
                .map(e -> Response.created(URI.create("/catalogs")).entity(CatalogResource.view(e, true)).build());
    }
}
