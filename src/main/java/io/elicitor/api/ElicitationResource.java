package io.elicitor.api;

import io.elicitor.api.Dtos.Answer;
import io.elicitor.api.Dtos.AnswerView;
import io.elicitor.api.Dtos.ItemView;
import io.elicitor.api.Dtos.NextQuery;
import io.elicitor.api.Dtos.OptionView;
import io.elicitor.api.Dtos.QueryView;
import io.elicitor.api.Dtos.RecommendationView;
import io.elicitor.runtime.Refusal;
import io.elicitor.session.Explanations;
import io.elicitor.session.QueryResult;
import io.elicitor.session.SessionSteps;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The elicitation loop: ask the next query, take the answer. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ElicitationResource {
    @Inject
    SessionSteps sessions;

    @Inject
    Explanations explanations;

    @POST
    @Path("next-query")
    @Operation(summary = "The next comparison query (the pending one again until it is answered)")
    public Uni<QueryView> nextQuery(NextQuery body) {
        if (body == null) {
            throw new Refusal(Refusal.Kind.INVALID, "sessionId", "request body with sessionId is required");
        }
        if (Boolean.FALSE.equals(body.why())) {
            return sessions.nextQuery(body.sessionId()).map(r -> view(r, null));
        }
        return sessions.nextQuery(body.sessionId()).flatMap(r -> explanations.why(r).map(why -> view(r, why)));
    }

    private static QueryView view(QueryResult r, Explanations.Why why) {
        boolean partial = r.query().partial() != null;
        List<ItemView> items = partial ? null
                : r.items().stream().map(i -> new ItemView(i.id(), i.title(), i.attributes())).toList();
        List<OptionView> options = null;
        if (partial) {
            options = new ArrayList<>(r.options().size());
            for (int i = 0; i < r.options().size(); i++) {
                options.add(new OptionView(i, r.options().get(i)));
            }
        }
        return new QueryView(r.query().queryId(), partial ? "partial" : "items", items, options, r.query().evoi(),
                r.query().stop(), r.query().utilityScale(), r.query().probabilityTopIsBest(), why);
    }

    @POST
    @Path("answer")
    @Operation(summary = "Record which item (chosenItemId) or partial option (chosenOption) the user chose;"
            + " idempotent per (sessionId, queryId)")
    public Uni<AnswerView> answer(Answer body) {
        if (body == null) {
            throw new Refusal(Refusal.Kind.INVALID, "sessionId", "request body with sessionId, queryId and chosenItemId"
                    + " or chosenOption is required");
        }
        return sessions.answer(body.sessionId(), body.queryId(), body.chosenItemId(), body.chosenOption()).map(r -> new AnswerView(r.answers(),
                r.recommendations().stream().map(x -> new RecommendationView(x.id(), x.title(), x.expectedUtility())).toList()));
    }
}
