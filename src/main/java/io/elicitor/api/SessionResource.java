package io.elicitor.api;

import io.elicitor.api.Dtos.CreateSession;
import io.elicitor.api.Dtos.RecommendationView;
import io.elicitor.api.Dtos.SessionCreated;
import io.elicitor.api.Dtos.SessionView;
import io.elicitor.catalog.ItemFilter;
import io.elicitor.evoi.explain.Contributions;
import io.elicitor.experiment.Outcome;
import io.elicitor.experiment.OutcomeRecorder;
import io.elicitor.runtime.Refusal;
import io.elicitor.session.SessionCreation;
import io.elicitor.runtime.ServiceIds;
import io.elicitor.session.Explanations;
import io.elicitor.session.SessionSteps;
import io.elicitor.session.SessionTokens;
import io.elicitor.session.state.SessionState;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Sessions: create one, read its state, get recommendations. */
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
    @Inject
    OutcomeRecorder outcomes;

    @Inject
    SessionCreation creation;

    @Inject
    SessionSteps sessions;

    @Inject
    SessionTokens tokens;

    @Inject
    AdminGuard admin;

    @Inject
    CreationRateLimit rate;

    @Inject
    Explanations explanations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a session pinned to a catalog (default: the bundled sample) with a strategy and slate size")
    public Uni<Response> create(CreateSession body, @Context HttpServerRequest request) {
        rate.take(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
        CreateSession b = body == null ? new CreateSession(null, null, null, null, null, null, null, null, null) : body;
        ItemFilter filter = b.filters() == null ? null : new ItemFilter(b.filters().excludeIds(), b.filters().where(),
                Boolean.TRUE.equals(b.filters().excludeShown()));
        return creation.create(new SessionCreation.Request(b.catalog(), b.slateSize(), b.strategy(), b.userKey(),
                        b.seed(), filter, b.queryKind(), b.partialAttributes(), b.allowRepeats()))
                .map(s -> Response.created(URI.create("/sessions/" + s.sessionId()))
                        .entity(new SessionCreated(s.sessionId(), s.catalogId(), s.catalogVersion(), s.slateSize(), s.strategy(),
                                s.beliefSettings().lambda(), s.assignment() == null ? null : s.assignment().experimentId(),
                                s.assignment() == null ? null : s.assignment().arm(), s.queries().kind().wireName(),
                                partialAttributes(s), s.queries().allowRepeats(), tokens.issue(s.sessionId())))
                        .build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A session's state: answers so far, posterior mean, effective sample size")
    public Uni<SessionView> get(@PathParam("id") String id) {
        return sessions.get(id).map(SessionResource::view);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Erase a session: its answers, queries and outcomes, from every store (the session's bearer"
            + " token or X-Admin-Key); an experiment counts it as withdrawn")
    public Uni<Response> delete(@PathParam("id") String id, @HeaderParam("Authorization") String authorization,
                                @HeaderParam("X-Admin-Key") String key) {
        requireOwner(id, authorization, key);
        return sessions.delete(id).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/{id}/export")
    @Operation(summary = "Everything held about a session, as JSON (the session's bearer token or X-Admin-Key)")
    public Uni<SessionExport> export(@PathParam("id") String id, @HeaderParam("Authorization") String authorization,
                                     @HeaderParam("X-Admin-Key") String key) {
        requireOwner(id, authorization, key);
        return sessions.get(id).flatMap(s -> outcomes.list(id).map(o -> SessionExport.of(s, o)));
    }

    /**
     * A session's data is its user's: the bearer token {@code POST /sessions} returned, or the admin key. An id this
     * service never made is a 404 before the 401, as for every other session endpoint.
     */
    private void requireOwner(String id, String authorization, String key) {
        if (!ServiceIds.wellFormed(id)) {
            throw SessionSteps.noSession(id);
        }
        if (admin.accepts(key)) {
            return;
        }
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        if (!tokens.matches(id, bearer)) {
            throw new Refusal(Refusal.Kind.UNAUTHORIZED, "Authorization", "this session's bearer token (the"
                    + " sessionToken POST /sessions returned) or X-Admin-Key is required");
        }
    }

    /** The outcome as stored. */
    public record OutcomeView(String sessionId, String itemId, boolean accepted, Double rating, String reportedAt) {}

    @POST
    @Path("/{id}/outcome")
    @Operation(summary = "Report what the user did with a recommendation (accepted, optional rating 0..10)")
    public Uni<Response> outcome(@PathParam("id") String id, Outcome body) {
        return outcomes.record(id, body).map(r -> Response.status(201).entity(new OutcomeView(r.sessionId, r.itemId,
                r.accepted, r.rating, r.reportedAt.toString())).build());
    }

    @GET
    @Path("/{id}/recommendations")
    @Operation(summary = "The items with the highest posterior expected utility")
    public Uni<List<RecommendationView>> recommendations(@PathParam("id") String id, @QueryParam("limit") String limit) {
        int n;
        try {
            n = limit == null ? 10 : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            throw new Refusal(Refusal.Kind.INVALID, "limit", "limit must be an integer, got '" + limit + "'");
        }
        return sessions.recommendations(id, n).flatMap(rec -> explanations.because(rec).map(because -> rec.items()
                .stream().map(r -> new RecommendationView(r.id(), r.title(), r.expectedUtility(),
                        top(because.get(r.id())))).toList()));
    }

    /** The three largest shares of an item's utility, or null for a catalog without attributes. */
    private static List<Contributions.Contribution> top(List<Contributions.Contribution> all) {
        return all == null ? null : all.subList(0, Math.min(3, all.size()));
    }

    @GET
    @Path("/{id}/explanation")
    @Operation(summary = "What the answers say: attribute weights with 90% intervals (attribute catalogs) or where the"
            + " user parts from the population (ratings catalogs), the top item, the probability it is the best")
    public Uni<Explanations.Explanation> explanation(@PathParam("id") String id) {
        return explanations.explain(id);
    }

    static SessionView view(SessionState s) {
        return new SessionView(s.sessionId(), s.answers().size(), s.belief().mean(),
                s.belief().effectiveSampleSize(), s.catalogId(), s.catalogVersion(), s.strategy(), s.slateSize(),
                s.userKey(), s.pending() == null ? null : s.pending().queryId(),
                s.assignment() == null ? null : s.assignment().experimentId(),
                s.assignment() == null ? null : s.assignment().arm(), s.queries().kind().wireName(), partialAttributes(s),
                s.queries().allowRepeats());
    }

    private static Integer partialAttributes(SessionState s) {
        return s.queries().kind().needsAttributes() ? s.queries().partialAttributes() : null;
    }
}
