package io.elicitor.cli;

import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.Buffers;
import io.elicitor.evoi.ItemMatrix;
import io.elicitor.evoi.belief.Logit;
import io.elicitor.evoi.belief.MultinomialLogit;
import io.elicitor.evoi.belief.Observation;
import io.elicitor.evoi.belief.Posterior;
import io.elicitor.evoi.belief.Rejuvenation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Session beliefs for {@code bench-batch}: a user drawn from the catalog's prior answers random pairs by the logit,
 * so the beliefs differ from session to session as live ones do. Runs outside any engine workspace: the
 * posterior outlives the call.
 */
final class BenchBeliefs {
    private BenchBeliefs() {}

    /** The posterior of M particles after {@code answers} random pairs answered by a user drawn from the prior. */
    static Posterior answered(CatalogRegistry.Entry entry, MultinomialLogit model, int m, int answers, Random rng) {
        ItemMatrix items = entry.search().items();
        float[] user = Buffers.toArray(entry.prior().sample(1, rng));
        Posterior posterior = Posterior.fromPrior(entry.prior(), m, rng);
        Rejuvenation rejuvenation = Rejuvenation.standard(items.dimension());
        List<Observation> history = new ArrayList<>();
        for (int a = 0; a < answers; a++) {
            int first = rng.nextInt(items.size());
            int second = (first + 1 + rng.nextInt(items.size() - 1)) % items.size();
            int[] pair = {first, second};
            double[] u = new double[2];
            for (int i = 0; i < 2; i++) {
                float[] x = items.row(pair[i]);
                for (int c = 0; c < x.length; c++) {
                    u[i] += (double) x[c] * user[c];
                }
            }
            Observation o = Observation.of(items, pair, Logit.EXACT.sample(model.lambda(), u, rng.nextDouble()));
            history.add(o);
            posterior = posterior.observe(o, history, model, entry.prior(), rejuvenation, rng);
        }
        return posterior;
    }
}
