package io.elicitor.session.state;

import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.belief.BeliefUpdate;
import io.elicitor.evoi.belief.Observation;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.session.state.SessionState.AnsweredQuery;
import io.elicitor.session.state.SessionState.EngineParams;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The one place a session's belief is computed from its seed and its answers. Live answers and the
 * rebuild of a session from the PostgreSQL log both go through here, so that a rebuilt posterior is the
 * lost one bit for bit: the same code ({@link BeliefUpdate}), the same seeds, the same order of
 * floating-point operations.
 */
public final class PosteriorReplay {
    private PosteriorReplay() {}

    /** Particles drawn from the catalog's prior. */
    public static Posterior initial(CatalogRegistry.Entry entry, long seed, EngineParams params) {
        return BeliefUpdate.initial(entry.prior(), params.particles(), seed);
    }

    /**
     * The belief after answer number {@code history.size()}: {@code current} updated by the last answer of
     * {@code history}, with rejuvenation targeting the prior times the likelihood of all of {@code history}.
     */
    public static Posterior step(Posterior current, CatalogRegistry.Entry entry, long seed, EngineParams params,
                                 List<AnsweredQuery> history) {
        return BeliefUpdate.step(current, observations(entry.catalog(), history), entry.prior(), params.lambda(),
                params.rejuvenationSteps(), seed);
    }

    /** The belief after all of {@code answers}, from the prior. Costs one update per answer. */
    public static Posterior replay(CatalogRegistry.Entry entry, long seed, EngineParams params, List<AnsweredQuery> answers) {
        List<Observation> all = observations(entry.catalog(), answers);
        Posterior p = initial(entry, seed, params);
        for (int t = 1; t <= all.size(); t++) {
            p = BeliefUpdate.step(roundTrip(p), all.subList(0, t), entry.prior(), params.lambda(),
                    params.rejuvenationSteps(), seed);
        }
        return p;
    }

    /**
     * A posterior as the live path sees it: stored as plain arrays between requests and rebuilt from them.
     * Replay goes through the same conversion so that no step can differ in the last bit.
     */
    static Posterior roundTrip(Posterior p) {
        return Posterior.fromArrays(p.particleArray(), p.weights(), p.dimension());
    }

    private static List<Observation> observations(Catalog catalog, List<AnsweredQuery> answers) {
        List<Observation> out = new ArrayList<>(answers.size());
        for (AnsweredQuery a : answers) {
            out.add(observation(catalog, a.itemIds(), a.itemIds().indexOf(a.chosenItemId())));
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
