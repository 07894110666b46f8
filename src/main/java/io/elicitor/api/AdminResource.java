package io.elicitor.api;

import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogException;
import io.elicitor.catalog.CatalogLoader;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.EngineWorkspace;
import io.elicitor.runtime.MathExecutor;
import io.elicitor.runtime.Refusal;
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
import java.nio.file.InvalidPathException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/** Operator endpoints; each needs the {@code X-Admin-Key} header to match {@code elicitor.admin-key}. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {
    private static final Logger LOG = Logger.getLogger(AdminResource.class);

    /** {@code POST /admin/catalogs}: a catalog folder readable by the server. */
    public record LoadCatalog(String path) {}

    @Inject
    CatalogRegistry catalogs;

    @Inject
    MathExecutor math;

    @Inject
    AdminGuard admin;

    @POST
    @Path("catalogs")
    @Operation(summary = "Load a catalog version from a folder; running sessions stay on their versions")
    public Uni<Response> load(@HeaderParam("X-Admin-Key") String key, LoadCatalog body) {
        admin.require(key);
        if (body == null || body.path() == null || body.path().isBlank()) {
            throw new Refusal(Refusal.Kind.INVALID, "path", "path of a catalog folder is required");
        }
        return math.submit(() -> EngineWorkspace.outside(() -> {
            Catalog c;
            try {
                c = CatalogLoader.load(java.nio.file.Path.of(body.path()));
            } catch (CatalogException | InvalidPathException e) {
                throw new Refusal(Refusal.Kind.INVALID, "path", "catalog refused: " + e.getMessage());
            }
            synchronized (catalogs) {
                if (catalogs.contains(c.id(), c.version())) {
                    throw new Refusal(Refusal.Kind.CONFLICT, "path", "catalog '" + c.id() + "' version "
                            + c.version() + " is already loaded; give the new one another version");
                }
                CatalogRegistry.Entry e = catalogs.register(c);
                LOG.infof("catalog '%s' version %s loaded from %s by an admin: %d items", c.id(), c.version(),
                        body.path(), c.size());
                return e;
            }
        })).map(e -> Response.created(URI.create("/catalogs")).entity(CatalogResource.view(e, true)).build());
    }
}
