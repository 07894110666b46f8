package io.elicitor.api;

import io.elicitor.catalog.BackgroundLoads;
import io.elicitor.catalog.CatalogLoading;
import io.elicitor.runtime.MathExecutor;
import io.elicitor.runtime.Refusal;
import io.elicitor.runtime.ServiceIds;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
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
        // Loading parses, fits the prior and may read an ANN index: on the maths pool, never the event loop. An
        // index that must be built is built on the background thread: 202 and a status to poll.
        return math.submit(() -> catalogs.byOperator(body == null ? null : body.path()))
                .map(outcome -> outcome instanceof CatalogLoading.Building b
                        ? Response.accepted(b.status()).location(URI.create("/admin/catalog-loads/" + b.status().loadId()))
                                .build()
                        : Response.created(URI.create("/catalogs"))
                                .entity(CatalogResource.view(((CatalogLoading.Loaded) outcome).entry(), true)).build());
    }

    @GET
    @Path("catalog-loads")
    @Operation(summary = "Catalog loads building in the background, and the last finished ones, newest first")
    public List<BackgroundLoads.Status> loads(@HeaderParam("X-Admin-Key") String key) {
        admin.require(key);
        return catalogs.background().all();
    }

    @GET
    @Path("catalog-loads/{loadId}")
    @Operation(summary = "One background catalog load: BUILDING, LOADED or FAILED (with the reason)")
    public BackgroundLoads.Status load(@HeaderParam("X-Admin-Key") String key, @PathParam("loadId") String loadId) {
        admin.require(key);
        return catalogs.background().find(loadId).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "loadId",
                "no catalog load '" + ServiceIds.shown(loadId) + "' (the newest 100 are kept)"));
    }
}
