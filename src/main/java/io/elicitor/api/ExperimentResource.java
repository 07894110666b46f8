package io.elicitor.api;

import io.elicitor.experiment.Definition;
import io.elicitor.experiment.Experiment;
import io.elicitor.experiment.ExperimentResults;
import io.elicitor.experiment.ExperimentStore;
import io.elicitor.experiment.ResultsSummary;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A/B experiments: every endpoint needs the {@code X-Admin-Key} header. */
@Path("/experiments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExperimentResource {
    /** An experiment as shown: the salt stays on the server. */
    public record ExperimentView(String id, String name, String catalog, String unit, List<io.elicitor.experiment.Arm> arms,
                                 String status, String createdAt, String stoppedAt) {
        static ExperimentView of(Experiment e) {
            return new ExperimentView(e.id(), e.name(), e.catalog(), e.unit(), e.arms(), e.status(),
                    e.createdAt().toString(), e.stoppedAt() == null ? null : e.stoppedAt().toString());
        }
    }

    @Inject
    ExperimentStore experiments;

    @Inject
    AdminGuard admin;

    @POST
    @Operation(summary = "Start an experiment: new sessions of its catalog are assigned to its arms")
    public Uni<Response> create(@HeaderParam("X-Admin-Key") String key, Definition body) {
        admin.require(key);
        return experiments.create(body).map(e -> Response.created(URI.create("/experiments/" + e.id()))
                .entity(ExperimentView.of(e)).build());
    }

    @GET
    @Operation(summary = "Every experiment, newest first")
    public Uni<List<ExperimentView>> list(@HeaderParam("X-Admin-Key") String key) {
        admin.require(key);
        return experiments.list().map(l -> l.stream().map(ExperimentView::of).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One experiment")
    public Uni<ExperimentView> get(@HeaderParam("X-Admin-Key") String key, @PathParam("id") String id) {
        admin.require(key);
        return experiments.get(id).map(ExperimentView::of);
    }

    @POST
    @Path("{id}/stop")
    @Operation(summary = "Stop assigning new sessions; assigned sessions keep their arm")
    public Uni<ExperimentView> stop(@HeaderParam("X-Admin-Key") String key, @PathParam("id") String id) {
        admin.require(key);
        return experiments.stop(id).map(ExperimentView::of);
    }

    @GET
    @Path("{id}/results")
    @Operation(summary = "Per-arm results with 95% intervals, arm-vs-control differences, sequential test, SRM check")
    public Uni<ExperimentResults> results(@HeaderParam("X-Admin-Key") String key, @PathParam("id") String id) {
        admin.require(key);
        return experiments.resultRows(id).map(ResultsSummary::of);
    }

    @GET
    @Path("{id}/timeline")
    @Operation(summary = "Per arm and time bucket (minute, hour or day): sessions created and sessions that accepted")
    public Uni<List<ExperimentStore.TimelineRow>> timeline(@HeaderParam("X-Admin-Key") String key,
                                                           @PathParam("id") String id,
                                                           @QueryParam("bucket") String bucket) {
        admin.require(key);
        return experiments.timeline(id, bucket == null ? "hour" : bucket);
    }
}
