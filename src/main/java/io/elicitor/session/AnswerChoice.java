package io.elicitor.session;

import io.elicitor.runtime.Refusal;
import io.elicitor.runtime.Refusal.Kind;
import io.elicitor.runtime.ServiceIds;
import io.elicitor.session.state.PartialOptions;
import java.util.List;

/** An answer as sent: an item id or an option index, exactly one of them. */
record AnswerChoice(String itemId, Integer option) {
    /**
     * The choice of an answer request, checked by shape before any store is asked: a query id this service could have
     * made, and exactly one of an item id (1..512 characters, no control characters) or an option index.
     */
    static AnswerChoice checked(String queryId, String chosenItemId, Integer chosenOption) {
        if (queryId == null || queryId.isBlank()) {
            throw new Refusal(Kind.INVALID, "queryId", "queryId is required");
        }
        if (!ServiceIds.plausibleQueryId(queryId)) {
            throw new Refusal(Kind.INVALID, "queryId", "queryId '"
                    + ServiceIds.shown(queryId) + "' is not a query id this service makes");
        }
        if (chosenItemId != null && !chosenItemId.isBlank() && !ServiceIds.plausibleItemId(chosenItemId)) {
            throw new Refusal(Kind.INVALID, "chosenItemId", "chosenItemId must be 1.."
                    + ServiceIds.MAX_ITEM_ID + " characters without control characters");
        }
        if (chosenOption == null && (chosenItemId == null || chosenItemId.isBlank())) {
            throw new Refusal(Kind.INVALID, "chosenItemId",
                    "chosenItemId (an item query) or chosenOption (a partial query) is required");
        }
        if (chosenOption != null && chosenItemId != null) {
            throw new Refusal(Kind.INVALID, "chosenOption",
                    "give chosenItemId for an item query or chosenOption for a partial query, not both");
        }
        return new AnswerChoice(chosenItemId, chosenOption);
    }

    /** The request field this answer came in. */
    String field() {
        return option != null ? "chosenOption" : "chosenItemId";
    }

    /** The position chosen among what the query shows, or a refusal naming the field at fault. */
    int position(String queryId, List<String> itemIds, PartialOptions partial) {
        if (partial != null && option == null) {
            throw new Refusal(Kind.INVALID, "chosenItemId", "query '" + queryId + "' is a partial query: answer"
                    + " with chosenOption, the index of the option chosen (0.." + (partial.size() - 1) + ")");
        }
        if (partial == null && option != null) {
            throw new Refusal(Kind.INVALID, "chosenOption", "query '" + queryId + "' shows items: answer with"
                    + " chosenItemId; chosenOption answers a partial query");
        }
        if (partial != null) {
            if (option < 0 || option >= partial.size()) {
                throw new Refusal(Kind.INVALID, "chosenOption", "chosenOption must be between 0 and "
                        + (partial.size() - 1) + " for query '" + queryId + "', got " + option);
            }
            return option;
        }
        int chosen = itemIds.indexOf(itemId);
        if (chosen < 0) {
            throw new Refusal(Kind.INVALID, "chosenItemId", "item '" + itemId + "' was not in query '" + queryId
                    + "'; it showed " + itemIds);
        }
        return chosen;
    }
}
