package io.elicitor.session.state;

import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.belief.Belief;
import io.elicitor.evoi.belief.BeliefSettings;
import io.elicitor.evoi.belief.BeliefUpdate;
import io.elicitor.evoi.belief.Observation;
import io.elicitor.session.state.SessionState.AnsweredQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The one place a session's belief is computed from its seed and its answers. Live answers and the rebuild of
 * a session from the PostgreSQL log both go through here, so that a rebuilt belief is the lost one bit for bit:
 * the same code ({@link BeliefUpdate}), the same seeds, the same order of floating-point operations. Runs
 * ND4J: call it on a maths thread, inside an engine workspace.
 */
public final class BeliefReplay {
    private BeliefReplay() {}

    /** Particles drawn from the catalog's prior. */
    public static Belief initial(CatalogRegistry.Entry entry, long seed, BeliefSettings settings) {
        return BeliefUpdate.initial(entry.prior(), settings, seed);
    }

    /**
     * The belief after answer number {@code history.size()}: {@code current} updated by the last answer of
     * {@code history}, with rejuvenation targeting the prior times the likelihood of all of {@code history}.
     */
    public static Belief step(Belief current, CatalogRegistry.Entry entry, long seed, BeliefSettings settings,
                              List<AnsweredQuery> history) {
        return BeliefUpdate.step(current, observations(entry.catalog(), history), entry.prior(), settings, seed);
    }

    /** The belief after all of {@code answers}, from the prior. Costs one update per answer. */
    public static Belief replay(CatalogRegistry.Entry entry, long seed, BeliefSettings settings, List<AnsweredQuery> answers) {
        List<Observation> all = observations(entry.catalog(), answers);
        Belief b = initial(entry, seed, settings);
        for (int t = 1; t <= all.size(); t++) {
            b = BeliefUpdate.step(b, all.subList(0, t), entry.prior(), settings, seed);
        }
        return b;
    }

    /**
     * The answers as the engine sees them: each query's vectors (the items' rows, or a partial query's logged
     * option vectors) and the position chosen.
     */
    private static List<Observation> observations(Catalog catalog, List<AnsweredQuery> answers) {
        List<Observation> out = new ArrayList<>(answers.size());
        for (AnsweredQuery a : answers) {
            out.add(a.partial() != null ? a.partial().observation(a.chosenOption())
                    : observation(catalog, a.itemIds(), a.itemIds().indexOf(a.chosenItemId())));
        }
        return out;
    }

    private static Observation observation(Catalog catalog, List<String> itemIds, int chosen) {
        if (chosen < 0) {
            throw new IllegalStateException("an answer chose an item its query did not show");
        }
        int[] idx = new int[itemIds.size()];
        for (int i = 0; i < idx.length; i++) {
            OptionalInt row = catalog.indexOf(itemIds.get(i));
            if (row.isEmpty()) {
                throw new IllegalStateException("item " + itemIds.get(i) + " vanished from pinned catalog " + catalog.id());
            }
            idx[i] = row.getAsInt();
        }
        return Observation.of(catalog.vectors(), idx, chosen);
    }
}
