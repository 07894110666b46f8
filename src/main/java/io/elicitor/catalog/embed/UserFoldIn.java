package io.elicitor.catalog.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fold-in: fits one group's users by regularised least squares for {@code [u, b_u]} with the fitted item
 * vectors and biases fixed, scores each user's kept-out 10%, and writes the users as {@code [u, 1, μ + b_u]}.
 */
final class UserFoldIn {
    /**
     * One folded-in group.
     *
     * @param vectors {@code users × (d+2)}, users by ascending id
     * @param users number of users folded in
     * @param rmse RMSE on their kept-out ratings
     * @param tested number of kept-out ratings scored
     * @param meanNorm mean norm of the written vectors
     * @param meanLatentNorm mean norm of their latent part {@code u}
     */
    record Group(float[] vectors, int users, double rmse, int tested, double meanNorm, double meanLatentNorm) {}

    private final BiasedAls als;
    private final BiasedAls.Model model;
    private final Map<Integer, Integer> itemIndex;
    private final UserSplit split;

    /** Folds in against a fitted model whose items are indexed by {@code itemIndex} (item id → row). */
    UserFoldIn(BiasedAls als, BiasedAls.Model model, Map<Integer, Integer> itemIndex, UserSplit split) {
        this.als = als;
        this.model = model;
        this.itemIndex = itemIndex;
        this.split = split;
    }

    /** Folds in the users of a group; their ratings of items the fit never saw are dropped. */
    Group fold(int group, Ratings ratings) {
        int d = model.d();
        TreeMap<Integer, Integer> users = new TreeMap<>();
        List<Integer> use = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int k = 0; k < ratings.size(); k++) {
            int u = ratings.user()[k];
            if (split.group(u) != group || !itemIndex.containsKey(ratings.item()[k])) {
                continue;
            }
            if (split.heldOut(u, ratings.item()[k])) {
                test.add(k);
            } else {
                use.add(k);
                users.put(u, 0);
            }
        }
        int idx = 0;
        for (Map.Entry<Integer, Integer> e : users.entrySet()) {
            e.setValue(idx++);
        }
        Ratings.Indexed r = ratings.indexed(use, users, itemIndex);
        double[] x = als.foldIn(BiasedAls.Sparse.of(users.size(), r.users(), r.items(), r.values()), model.itemFactors(),
                model.itemBias(), model.mu());
        int n = d + 1;
        double se = 0;
        int tested = 0;
        for (int p : test) {
            Integer u = users.get(ratings.user()[p]);
            if (u == null) {
                continue; // every rating of this user was kept out: nothing was folded in to score
            }
            int i = itemIndex.get(ratings.item()[p]);
            double pred = model.mu() + x[u * n + d] + model.itemBias()[i];
            for (int c = 0; c < d; c++) {
                pred += x[u * n + c] * model.itemFactors()[i * d + c];
            }
            double err = ratings.clip(pred) - ratings.rating()[p];
            se += err * err;
            tested++;
        }
        int dim = d + 2;
        float[] vectors = new float[users.size() * dim];
        double norms = 0;
        double latent = 0;
        for (int u = 0; u < users.size(); u++) {
            for (int c = 0; c < d; c++) {
                vectors[u * dim + c] = (float) x[u * n + c];
            }
            vectors[u * dim + d] = 1f;
            vectors[u * dim + d + 1] = (float) (model.mu() + x[u * n + d]);
            norms += normF(vectors, u * dim, dim);
            latent += norm(x, u * n, d);
        }
        int count = Math.max(1, users.size());
        return new Group(vectors, users.size(), Math.sqrt(se / Math.max(1, tested)), tested, norms / count,
                latent / count);
    }

    /** Euclidean norm of {@code a[off .. off+len)}; also used for the jointly fitted users' latent norms. */
    static double norm(double[] a, int off, int len) {
        double s = 0;
        for (int c = 0; c < len; c++) {
            s += a[off + c] * a[off + c];
        }
        return Math.sqrt(s);
    }

    private static double normF(float[] a, int off, int len) {
        double s = 0;
        for (int c = 0; c < len; c++) {
            s += (double) a[off + c] * a[off + c];
        }
        return Math.sqrt(s);
    }
}
