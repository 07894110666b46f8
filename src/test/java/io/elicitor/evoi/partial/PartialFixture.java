package io.elicitor.evoi.partial;

import io.elicitor.evoi.EngineFixture;
import io.elicitor.evoi.value.CandidatePool;
import io.elicitor.evoi.value.PoolEvaluator;
import java.util.List;
import java.util.Random;

/**
 * A seeded engine fixture seen as attributes: columns 0–3 numeric (grid: 5 quantiles of the items' values,
 * shown with 2 decimals), columns 4–6 one categorical attribute of three levels.
 */
final class PartialFixture {
    static final int D = 7;

    final EngineFixture engine;
    final AttributeSpace space;

    PartialFixture(int answers, double lambda, long seed) {
        this.engine = EngineFixture.create(200, D, 256, answers, lambda, seed);
        List<AttributeSpace.Attribute> attributes = new java.util.ArrayList<>();
        for (int c = 0; c < 4; c++) {
            float[] column = new float[engine.items.size()];
            for (int i = 0; i < column.length; i++) {
                column[i] = engine.items.row(i)[c];
            }
            java.util.Arrays.sort(column);
            float[] grid = new float[5];
            for (int q = 0; q < 5; q++) {
                float v = column[(int) Math.max(0, Math.ceil(q / 4.0 * column.length) - 1)];
                grid[q] = (float) (Math.round(v * 100.0) / 100.0);
            }
            attributes.add(new AttributeSpace.Attribute("a" + c, new int[] {c}, false, grid, 0.0, 1.0, 2));
        }
        attributes.add(new AttributeSpace.Attribute("colour", new int[] {4, 5, 6}, true, new float[0], 0, 0, 0));
        this.space = new AttributeSpace(attributes, D);
    }

    /** A context over a pool of 48 items. */
    PartialContext context(int k, int s, long seed) {
        Random rng = new Random(seed);
        CandidatePool pool = CandidatePool.ofSize(engine.posterior, engine.search, 48, 12, null, rng);
        PoolEvaluator evaluator = new PoolEvaluator(engine.posterior, engine.model, engine.items, pool);
        return new PartialContext(evaluator, engine.items, space, k, s, rng);
    }
}
