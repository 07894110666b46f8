package io.elicitor.catalog.embed;

import io.elicitor.catalog.CatalogException;
import io.elicitor.catalog.Item;
import io.elicitor.evoi.Seeds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a catalog from MovieLens ratings by biased ALS, with the three-way user split that the prior
 * needs (evoi-method.md §1): users go to groups 1/2/3 by a seeded hash of their id; item vectors are fitted
 * on group 1 only (minus a seeded 10% of its ratings, kept for the RMSE); groups 2 and 3 are folded in
 * against the fixed items (each user's seeded 10% kept out for the fold-in RMSE) and become the prior's
 * population ({@code users-train}) and the simulation's ground truth ({@code users-heldout}).
 *
 * <p>Biases are folded into the vectors so that {@code w·x} is the model's prediction: an item is
 * {@code [v, b_i, 1]} and a user {@code [u, 1, μ + b_u]}, so the catalog's dimension is {@code d + 2}.
 */
public final class RatingsEmbedder {
    /** Supported rating file layouts. */
    public enum Format {
        /** ML-100K {@code u.data}: tab-separated {@code user item rating timestamp}; titles in {@code u.item}. */
        ML_100K,
        /** ml-latest(-small) {@code ratings.csv}: {@code userId,movieId,rating,timestamp}; titles in {@code movies.csv}. */
        ML_LATEST;

        /** Parses {@code ml-100k} or {@code ml-latest}. */
        public static Format parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "ml-100k" -> ML_100K;
                case "ml-latest", "ml-latest-small" -> ML_LATEST;
                default -> throw new IllegalArgumentException("--format must be ml-100k or ml-latest, got '" + s + "'");
            };
        }
    }

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
     * The raw ratings.
     *
     * @param user user id per rating
     * @param item item id per rating
     * @param rating value per rating
     * @param min smallest rating value
     * @param max largest rating value
     */
    public record Ratings(int[] user, int[] item, float[] rating, float min, float max) {
        /** Number of ratings. */
        public int size() {
            return user.length;
        }
    }

    /**
     * What a build produced.
     *
     * @param items catalog items, by ascending MovieLens id
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

    private static final Pattern YEAR = Pattern.compile("\\((\\d{4})\\)\\s*$");

    private final Settings settings;

    /** An embedder with the given settings. */
    public RatingsEmbedder(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Reads ratings in a format; errors name the file and line. */
    public static Ratings readRatings(Path file, Format format) throws IOException, CatalogException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        int n = lines.size();
        int[] u = new int[n];
        int[] it = new int[n];
        float[] r = new float[n];
        int count = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int ln = 0; ln < n; ln++) {
            String line = lines.get(ln);
            if (line.isBlank() || (format == Format.ML_LATEST && ln == 0 && line.startsWith("userId"))) {
                continue;
            }
            String[] f = format == Format.ML_100K ? line.split("\t") : line.split(",");
            if (f.length < 3) {
                throw new CatalogException(file + ": line " + (ln + 1) + ": expected user, item, rating; got '" + line + "'");
            }
            try {
                u[count] = Integer.parseInt(f[0].trim());
                it[count] = Integer.parseInt(f[1].trim());
                r[count] = Float.parseFloat(f[2].trim());
            } catch (NumberFormatException e) {
                throw new CatalogException(file + ": line " + (ln + 1) + ": not a rating line: '" + line + "'");
            }
            if (!Float.isFinite(r[count])) {
                throw new CatalogException(file + ": line " + (ln + 1) + ": rating is not finite");
            }
            min = Math.min(min, r[count]);
            max = Math.max(max, r[count]);
            count++;
        }
        if (count == 0) {
            throw new CatalogException(file + ": no ratings");
        }
        return new Ratings(Arrays.copyOf(u, count), Arrays.copyOf(it, count), Arrays.copyOf(r, count), min, max);
    }

    /**
     * Titles and attributes by item id from {@code movies.csv} or {@code u.item} beside the ratings file;
     * empty when that file is absent.
     */
    public static Map<Integer, Item> readItems(Path ratingsFile, Format format) throws IOException, CatalogException {
        Path dir = ratingsFile.toAbsolutePath().getParent();
        Map<Integer, Item> out = new HashMap<>();
        if (format == Format.ML_LATEST) {
            Path movies = dir.resolve("movies.csv");
            if (!Files.exists(movies)) {
                return out;
            }
            for (Map<String, Object> row : Csv.rows(Files.readString(movies, StandardCharsets.UTF_8), movies.toString())) {
                int id = Integer.parseInt(String.valueOf(row.get("movieId")).trim());
                String title = row.get("title") == null ? String.valueOf(id) : String.valueOf(row.get("title")).trim();
                Map<String, Object> attrs = new LinkedHashMap<>();
                putYear(attrs, title);
                if (row.get("genres") != null && !"(no genres listed)".equals(row.get("genres"))) {
                    attrs.put("genres", row.get("genres"));
                }
                out.put(id, new Item(String.valueOf(id), title, attrs));
            }
        } else {
            Path uItem = dir.resolve("u.item");
            if (!Files.exists(uItem)) {
                return out;
            }
            List<String> genres = new ArrayList<>();
            Path uGenre = dir.resolve("u.genre");
            if (Files.exists(uGenre)) {
                for (String line : Files.readAllLines(uGenre, StandardCharsets.ISO_8859_1)) {
                    if (!line.isBlank()) {
                        genres.add(line.substring(0, line.indexOf('|')));
                    }
                }
            }
            for (String line : Files.readAllLines(uItem, StandardCharsets.ISO_8859_1)) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                int id = Integer.parseInt(f[0].trim());
                String title = f[1].trim();
                Map<String, Object> attrs = new LinkedHashMap<>();
                putYear(attrs, title);
                List<String> g = new ArrayList<>();
                for (int k = 0; k < genres.size() && 5 + k < f.length; k++) {
                    if ("1".equals(f[5 + k].trim()) && !"unknown".equals(genres.get(k))) {
                        g.add(genres.get(k));
                    }
                }
                if (!g.isEmpty()) {
                    attrs.put("genres", String.join("|", g));
                }
                out.put(id, new Item(String.valueOf(id), title, attrs));
            }
        }
        return out;
    }

    private static void putYear(Map<String, Object> attrs, String title) {
        Matcher m = YEAR.matcher(title);
        if (m.find()) {
            attrs.put("year", Integer.parseInt(m.group(1)));
        }
    }

    /** The group (1, 2 or 3) of a user id under the settings' split and seed. */
    public int group(int userId) {
        long h = Long.remainderUnsigned(Seeds.mix(settings.seed(), 1_000L + userId), 100);
        int[] s = settings.split();
        return h < s[0] ? 1 : h < s[0] + s[1] ? 2 : 3;
    }

    /** Whether a rating is in the seeded 10% kept out of fitting / fold-in. */
    boolean heldOut(int userId, int itemId) {
        long key = ((long) userId << 32) ^ (itemId & 0xffffffffL);
        return Long.remainderUnsigned(Seeds.mix(Seeds.mix(settings.seed(), 77), key), 10) == 0;
    }

    /** Fits, folds in and evaluates; {@code onIteration} hears each ALS sweep. */
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
            if (heldOut(ratings.user()[k], ratings.item()[k])) {
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
        int m = fit.size();
        int[] ru = new int[m];
        int[] ri = new int[m];
        float[] rv = new float[m];
        for (int k = 0; k < m; k++) {
            int p = fit.get(k);
            ru[k] = user1Index.get(ratings.user()[p]);
            ri[k] = itemIndex.get(ratings.item()[p]);
            rv[k] = ratings.rating()[p];
        }
        BiasedAls als = new BiasedAls(d, settings.lambda(), settings.iterations(), settings.seed(), settings.solver(),
                settings.shrink());
        long t0 = System.nanoTime();
        BiasedAls.Model model = als.fit(BiasedAls.Sparse.of(user1Index.size(), ru, ri, rv),
                BiasedAls.Sparse.of(itemIndex.size(), ri, ru, rv), onIteration);
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
            double err = clip(pred, ratings) - ratings.rating()[p];
            se += err * err;
        }
        double rmse1 = Math.sqrt(se / Math.max(1, test1.size()));

        // Groups 2 and 3: folded in against the fixed items.
        FoldIn train = foldIn(2, ratings, itemIndex, model, als);
        FoldIn heldout = foldIn(3, ratings, itemIndex, model, als);

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
            jointLatent += norm(model.userFactors(), u * d, d);
        }
        jointLatent /= user1Index.size();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("ratings", n);
        report.put("users", Map.of("group1", groupCount[1], "group2", groupCount[2], "group3", groupCount[3]));
        report.put("items", items);
        report.put("dimension", dim);
        report.put("fitRatings", m);
        report.put("fitSeconds", round(fitSeconds));
        report.put("solveMillis", round(als.solveMillis()));
        report.put("rmseGroup1Heldout", round(rmse1));
        report.put("group1HeldoutRatings", test1.size());
        report.put("group1HeldoutColdItems", coldItems);
        report.put("rmseFoldInTrain", round(train.rmse));
        report.put("rmseFoldInHeldout", round(heldout.rmse));
        report.put("foldInTestRatings", train.tested + heldout.tested);
        report.put("usersTrain", train.users);
        report.put("usersHeldout", heldout.users);
        report.put("meanNormTrain", round(train.meanNorm));
        report.put("meanNormHeldout", round(heldout.meanNorm));
        report.put("normRatio", round(heldout.meanNorm / train.meanNorm));
        report.put("meanLatentNormTrain", round(train.meanLatentNorm));
        report.put("meanLatentNormHeldout", round(heldout.meanLatentNorm));
        report.put("latentNormRatio", round(heldout.meanLatentNorm / train.meanLatentNorm));
        report.put("meanLatentNormJointlyFitted", round(jointLatent));
        return new Result(itemList, itemVectors, train.vectors, heldout.vectors, report);
    }

    private record FoldIn(float[] vectors, int users, double rmse, int tested, double meanNorm, double meanLatentNorm) {}

    private FoldIn foldIn(int group, Ratings ratings, Map<Integer, Integer> itemIndex, BiasedAls.Model model,
                          BiasedAls als) {
        int d = settings.d();
        TreeMap<Integer, Integer> users = new TreeMap<>();
        List<Integer> use = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int k = 0; k < ratings.size(); k++) {
            int u = ratings.user()[k];
            if (group(u) != group || !itemIndex.containsKey(ratings.item()[k])) {
                continue;
            }
            if (heldOut(u, ratings.item()[k])) {
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
        int m = use.size();
        int[] ru = new int[m];
        int[] ri = new int[m];
        float[] rv = new float[m];
        for (int k = 0; k < m; k++) {
            int p = use.get(k);
            ru[k] = users.get(ratings.user()[p]);
            ri[k] = itemIndex.get(ratings.item()[p]);
            rv[k] = ratings.rating()[p];
        }
        double[] x = als.foldIn(BiasedAls.Sparse.of(users.size(), ru, ri, rv), model.itemFactors(), model.itemBias(),
                model.mu());
        int n = d + 1;
        double se = 0;
        int tested = 0;
        for (int p : test) {
            Integer u = users.get(ratings.user()[p]);
            if (u == null) {
                continue;
            }
            int i = itemIndex.get(ratings.item()[p]);
            double pred = model.mu() + x[u * n + d] + model.itemBias()[i];
            for (int c = 0; c < d; c++) {
                pred += x[u * n + c] * model.itemFactors()[i * d + c];
            }
            double err = clip(pred, ratings) - ratings.rating()[p];
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
        return new FoldIn(vectors, users.size(), Math.sqrt(se / Math.max(1, tested)), tested, norms / count,
                latent / count);
    }

    private static double clip(double pred, Ratings r) {
        return Math.max(r.min(), Math.min(r.max(), pred));
    }

    private static double norm(double[] a, int off, int len) {
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

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
