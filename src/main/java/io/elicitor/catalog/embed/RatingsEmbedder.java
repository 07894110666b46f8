package io.elicitor.catalog.embed;

import io.elicitor.catalog.Item;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Builds a catalog from ratings ({@link RatingsReader}) by biased ALS, with the three-way user split that
 * the prior needs (evoi/METHOD.md): users go to groups 1/2/3 by a seeded hash of their id; item vectors
 * are fitted on group 1 only (minus a seeded 10% of its ratings, kept for the RMSE); groups 2 and 3 are
 * folded in against the fixed items ({@code UserFoldIn}; each user's seeded 10% kept out for the fold-in
 * RMSE) and become the prior's population ({@code users-train}) and the simulation's ground truth
 * ({@code users-heldout}).
 *
 * <p>Biases are folded into the vectors so that {@code w·x} is the model's prediction: an item is
 * {@code [v, b_i, 1]} and a user {@code [u, 1, μ + b_u]}, so the catalog's dimension is {@code d + 2}.
 */
public final class RatingsEmbedder {
    /**
     * Settings of one build.
     *
     * @param d latent dimension (the catalog's is d + 2)
     * @param split percentages of users in groups 1, 2, 3 (sum 100)
     * @param seed seed of the split, the held-out ratings and the initialisation
     * @param iterations ALS sweeps
     * @param lambda weighted-λ regularisation
     * @param solver how normal equations are solved
     * @param shrink pseudo-count n₀ added to each row's rating count in the penalty {@code λ (n + n₀)}
     */
    public record Settings(int d, int[] split, long seed, int iterations, double lambda, BiasedAls.Solver solver,
                           double shrink) {
        /** The same with the default pseudo-count. */
        public Settings(int d, int[] split, long seed, int iterations, double lambda, BiasedAls.Solver solver) {
            this(d, split, seed, iterations, lambda, solver, BiasedAls.DEFAULT_SHRINK);
        }

        /** Validates eagerly. */
        public Settings {
            if (d < 1) {
                throw new IllegalArgumentException("--dim must be >= 1, got " + d);
            }
            if (split == null || split.length != 3 || Arrays.stream(split).anyMatch(p -> p <= 0)
                    || Arrays.stream(split).sum() != 100) {
                throw new IllegalArgumentException("--split needs three positive percentages summing to 100, got "
                        + Arrays.toString(split));
            }
            if (iterations < 1 || !(lambda > 0)) {
                throw new IllegalArgumentException("--iterations >= 1 and --reg > 0 required, got " + iterations + ", "
                        + lambda);
            }
            Objects.requireNonNull(solver, "solver");
            if (!(shrink >= 0)) {
                throw new IllegalArgumentException("--shrink must be >= 0, got " + shrink);
            }
        }
    }

    /**
     * What a build produced.
     *
     * @param items catalog items, by ascending item id
     * @param itemVectors {@code items × (d+2)}
     * @param usersTrain group 2 folded in, {@code n2 × (d+2)}
     * @param usersHeldout group 3 folded in, {@code n3 × (d+2)}
     * @param report the printed numbers, also recorded in the manifest
     */
    public record Result(List<Item> items, float[] itemVectors, float[] usersTrain, float[] usersHeldout,
                         Map<String, Object> report) {
        /** Catalog dimension. */
        public int dimension() {
            return itemVectors.length / items.size();
        }
    }

    private final Settings settings;
    private final UserSplit split;

    /** An embedder with the given settings. */
    public RatingsEmbedder(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.split = new UserSplit(settings.split(), settings.seed());
    }

    /** The group (1, 2 or 3) of a user id under the settings' split and seed. */
    public int group(int userId) {
        return split.group(userId);
    }

    /**
     * Fits, folds in and evaluates; {@code onIteration} hears each ALS sweep. Items come from {@code known}
     * by id; a fitted item missing there is titled {@code item <id>}.
     */
    public Result build(Ratings ratings, Map<Integer, Item> known, IntConsumer onIteration) {
        int n = ratings.size();
        int d = settings.d();
        // Group 1: fitting and its held-out test ratings.
        List<Integer> fit = new ArrayList<>();
        List<Integer> test1 = new ArrayList<>();
        TreeMap<Integer, Integer> itemIndex = new TreeMap<>();
        TreeMap<Integer, Integer> user1Index = new TreeMap<>();
        int[] groupCount = new int[4];
        Map<Integer, Integer> groupOf = new HashMap<>();
        for (int k = 0; k < n; k++) {
            int g = groupOf.computeIfAbsent(ratings.user()[k], this::group);
            if (g != 1) {
                continue;
            }
            if (split.heldOut(ratings.user()[k], ratings.item()[k])) {
                test1.add(k);
            } else {
                fit.add(k);
                itemIndex.put(ratings.item()[k], 0);
                user1Index.put(ratings.user()[k], 0);
            }
        }
        groupOf.values().forEach(g -> groupCount[g]++);
        if (fit.isEmpty()) {
            throw new IllegalArgumentException("group 1 has no ratings to fit; check --split");
        }
        int idx = 0;
        for (Map.Entry<Integer, Integer> e : itemIndex.entrySet()) {
            e.setValue(idx++);
        }
        idx = 0;
        for (Map.Entry<Integer, Integer> e : user1Index.entrySet()) {
            e.setValue(idx++);
        }
        Ratings.Indexed r = ratings.indexed(fit, user1Index, itemIndex);
        BiasedAls als = new BiasedAls(d, settings.lambda(), settings.iterations(), settings.seed(), settings.solver(),
                settings.shrink());
        long t0 = System.nanoTime();
        BiasedAls.Model model = als.fit(BiasedAls.Sparse.of(user1Index.size(), r.users(), r.items(), r.values()),
                BiasedAls.Sparse.of(itemIndex.size(), r.items(), r.users(), r.values()), onIteration);
        double fitSeconds = (System.nanoTime() - t0) / 1e9;

        // RMSE on group 1's held-out ratings.
        double se = 0;
        int coldItems = 0;
        for (int p : test1) {
            Integer u = user1Index.get(ratings.user()[p]);
            Integer i = itemIndex.get(ratings.item()[p]);
            double pred;
            if (u != null && i != null) {
                pred = model.predict(u, i);
            } else {
                coldItems++;
                pred = model.mu() + (u == null ? 0 : model.userBias()[u]) + (i == null ? 0 : model.itemBias()[i]);
            }
            double err = ratings.clip(pred) - ratings.rating()[p];
            se += err * err;
        }
        double rmse1 = Math.sqrt(se / Math.max(1, test1.size()));

        // Groups 2 and 3: folded in against the fixed items.
        UserFoldIn foldIn = new UserFoldIn(als, model, itemIndex, split);
        UserFoldIn.Group train = foldIn.fold(2, ratings);
        UserFoldIn.Group heldout = foldIn.fold(3, ratings);

        // Vectors with biases folded in: item [v, b_i, 1], user [u, 1, μ + b_u].
        int items = itemIndex.size();
        int dim = d + 2;
        float[] itemVectors = new float[items * dim];
        List<Item> itemList = new ArrayList<>(items);
        for (Map.Entry<Integer, Integer> e : itemIndex.entrySet()) {
            int i = e.getValue();
            for (int c = 0; c < d; c++) {
                itemVectors[i * dim + c] = (float) model.itemFactors()[i * d + c];
            }
            itemVectors[i * dim + d] = (float) model.itemBias()[i];
            itemVectors[i * dim + d + 1] = 1f;
            Item info = known.get(e.getKey());
            itemList.add(info != null ? info : new Item(String.valueOf(e.getKey()), "item " + e.getKey(), Map.of()));
        }
        double jointLatent = 0;
        for (int u = 0; u < user1Index.size(); u++) {
            jointLatent += UserFoldIn.norm(model.userFactors(), u * d, d);
        }
        jointLatent /= user1Index.size();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("ratings", n);
        // In group order, so that two builds of the same data write the same manifest (Map.of's order varies).
        Map<String, Integer> users = new LinkedHashMap<>();
        users.put("group1", groupCount[1]);
        users.put("group2", groupCount[2]);
        users.put("group3", groupCount[3]);
        report.put("users", users);
        report.put("items", items);
        report.put("dimension", dim);
        report.put("fitRatings", fit.size());
        report.put("fitSeconds", round(fitSeconds));
        report.put("solveMillis", round(als.solveMillis()));
        report.put("rmseGroup1Heldout", round(rmse1));
        report.put("group1HeldoutRatings", test1.size());
        report.put("group1HeldoutColdItems", coldItems);
        report.put("rmseFoldInTrain", round(train.rmse()));
        report.put("rmseFoldInHeldout", round(heldout.rmse()));
        report.put("foldInTestRatings", train.tested() + heldout.tested());
        report.put("usersTrain", train.users());
        report.put("usersHeldout", heldout.users());
        report.put("meanNormTrain", round(train.meanNorm()));
        report.put("meanNormHeldout", round(heldout.meanNorm()));
        report.put("normRatio", round(heldout.meanNorm() / train.meanNorm()));
        report.put("meanLatentNormTrain", round(train.meanLatentNorm()));
        report.put("meanLatentNormHeldout", round(heldout.meanLatentNorm()));
        report.put("latentNormRatio", round(heldout.meanLatentNorm() / train.meanLatentNorm()));
        report.put("meanLatentNormJointlyFitted", round(jointLatent));
        return new Result(itemList, itemVectors, train.vectors(), heldout.vectors(), report);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
