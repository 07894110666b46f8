package io.elicitor.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.elicitor.catalog.CatalogException;
import io.elicitor.catalog.CatalogManifest;
import io.elicitor.catalog.CatalogWriter;
import io.elicitor.catalog.Item;
import io.elicitor.catalog.embed.AttributeEmbedder;
import io.elicitor.catalog.embed.BiasedAls;
import io.elicitor.catalog.embed.Csv;
import io.elicitor.catalog.embed.Ratings;
import io.elicitor.catalog.embed.RatingsEmbedder;
import io.elicitor.catalog.embed.RatingsFormat;
import io.elicitor.catalog.embed.RatingsProvenance;
import io.elicitor.catalog.embed.RatingsReader;
import io.elicitor.evoi.belief.LambdaCalibration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code elicitor embed}: builds a catalog folder from an attribute table (JSON array or CSV) or from
 * ratings, MovieLens or any ratings CSV (biased ALS with a three-way user split).
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Build a catalog (manifest.json, items.jsonl, vectors.npy) either from an attribute table"
                + " (--attributes: numeric columns standardised with gaps imputed, categorical columns one-hot) or"
                + " from ratings (--ratings: biased ALS; also users-train.npy and users-heldout.npy).")
final class EmbedCommand implements Callable<Integer> {
    @Option(names = "--attributes", description = "Attribute table: a JSON array of row objects, or CSV with a header"
            + " line (by the .csv extension).")
    Path attributes;

    @Option(names = "--ratings", description = "Ratings file: ML-100K u.data, ml-latest ratings.csv, or a ratings"
            + " CSV with a header line and user id, item id, rating in its first three columns (--format csv).")
    Path ratings;

    @Option(names = "--format", description = "Ratings format: ml-100k, ml-latest or csv.")
    String format;

    @Option(names = "--items", description = "Ratings mode, --format csv: item titles, a CSV with a header line and"
            + " id, title in its first two columns (default: items are titled by their id).")
    Path items;

    @Option(names = "--dim", defaultValue = "32",
            description = "Latent dimension d; the catalog's is d + 2 (biases folded in) (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--split", defaultValue = "60,20,20",
            description = "Percent of users fitted / folded in as prior population / folded in as held-out"
                    + " (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--iterations", defaultValue = "15", description = "ALS sweeps (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--reg", defaultValue = "0.1",
            description = "Weighted-lambda regularisation (default: ${DEFAULT-VALUE}).")
    double reg;

    @Option(names = "--shrink", defaultValue = "10",
            description = "Pseudo-count n0 in the penalty lambda*(n + n0): keeps rarely rated items near average"
                    + " (default: ${DEFAULT-VALUE}).")
    double shrink;

    @Option(names = "--target-accuracy", defaultValue = "0.8", description = "Ratings mode: calibrate the manifest's"
            + " lambda so that users of the prior's population answer this share of pairs of their top items correctly"
            + " (default: ${DEFAULT-VALUE}).")
    double targetAccuracy;

    @Option(names = "--solver", defaultValue = "java",
            description = "Normal-equation solver: java (Cholesky) or nd4j (batched LinearSolve) (default: ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--numeric", split = ",", description = "Numeric columns (ISO dates become fractional years).")
    List<String> numeric = List.of();

    @Option(names = "--categorical", split = ",", description = "Categorical columns (one-hot).")
    List<String> categorical = List.of();

    @Option(names = "--title", description = "Attributes mode: column holding each item's title. Ratings mode: the"
            + " catalog's title, as --catalog-title (required for --format csv; MovieLens: 'MovieLens FORMAT (...)').")
    String title;

    @Option(names = "--id", description = "Column holding unique item ids (default: rows are numbered).")
    String id;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--catalog-id", description = "Catalog id (default: the output folder's name).")
    String catalogId;

    @Option(names = "--catalog-version", defaultValue = "1", description = "Catalog version (default: ${DEFAULT-VALUE}).")
    String catalogVersion;

    @Option(names = "--catalog-title", description = "Human-readable catalog name.")
    String catalogTitle;

    @Option(names = "--source", description = "Where the table or ratings came from (recorded in the manifest;"
            + " required for --format csv, GroupLens MovieLens for the MovieLens formats).")
    String source;

    @Option(names = "--license", description = "The table's or ratings' licence (recorded in the manifest; required"
            + " for --format csv, the GroupLens licence for the MovieLens formats).")
    String license;

    @Option(names = "--attribution", description = "Required attribution text (recorded in the manifest).")
    String attribution;

    @Override
    public Integer call() throws IOException, CatalogException {
        if ((attributes == null) == (ratings == null)) {
            throw new IllegalArgumentException("give exactly one of --attributes FILE or --ratings FILE");
        }
        return ratings != null ? ratingsMode() : attributesMode();
    }

    private Integer ratingsMode() throws IOException, CatalogException {
        if (format == null) {
            throw new IllegalArgumentException("--ratings needs --format ml-100k, ml-latest or csv");
        }
        if (!(targetAccuracy > 0.5 && targetAccuracy < 1)) {
            throw new IllegalArgumentException("--target-accuracy must be between 0.5 and 1 (exclusive), got " + targetAccuracy);
        }
        RatingsFormat fmt = RatingsFormat.parse(format);
        if (title != null && catalogTitle != null && !title.equals(catalogTitle)) {
            throw new IllegalArgumentException("give the catalog's title once, as --title or --catalog-title");
        }
        // Refused here, before any reading or fitting: a csv catalog's provenance is never guessed.
        RatingsProvenance given = RatingsProvenance.resolve(fmt, format, dim, title != null ? title : catalogTitle,
                source, license, attribution);
        if (items != null && fmt.isMovieLens()) {
            throw new IllegalArgumentException("--items is for --format csv; MovieLens titles come from the files"
                    + " beside the ratings");
        }
        int[] parts;
        try {
            parts = Arrays.stream(split.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--split needs three whole percentages like 60,20,20, got '" + split + "'");
        }
        BiasedAls.Solver slv = switch (solver.toLowerCase(Locale.ROOT)) {
            case "java" -> BiasedAls.Solver.JAVA;
            case "nd4j" -> BiasedAls.Solver.ND4J;
            default -> throw new IllegalArgumentException("--solver must be java or nd4j, got '" + solver + "'");
        };
        RatingsEmbedder embedder = new RatingsEmbedder(new RatingsEmbedder.Settings(dim, parts, seed, iterations, reg, slv,
                shrink));
        Ratings data = RatingsReader.read(ratings, fmt);
        Map<Integer, Item> known = fmt.isMovieLens() ? RatingsReader.movieLensItems(ratings, fmt)
                : RatingsReader.csvItems(data, items);
        RatingsEmbedder.Result result;
        try (ProgressBar bar = Progress.bar("ALS", iterations)) {
            result = embedder.build(data, known, it -> bar.stepTo(it));
        }
        String cid = catalogId != null ? catalogId : out.toAbsolutePath().normalize().getFileName().toString();
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("input", ratings.getFileName().toString());
        provenance.put("sha256", sha256(Files.readAllBytes(ratings)));
        provenance.put("source", given.source());
        provenance.put("license", given.license());
        if (given.attribution() != null) {
            provenance.put("attribution", given.attribution());
        }
        Map<String, Object> vectors = new LinkedHashMap<>();
        vectors.put("method", "biased ALS (penalty lambda*(n + shrink)), item = [v, b_i, 1], user = [u, 1, mu + b_u]");
        vectors.put("latentDimension", dim);
        vectors.put("split", split);
        vectors.put("seed", seed);
        vectors.put("iterations", iterations);
        vectors.put("reg", reg);
        vectors.put("shrink", shrink);
        vectors.put("report", result.report());
        vectors.put("command", "./elicitor embed --ratings " + ratings + " --format " + format + " --dim " + dim
                + " --split " + split + " --seed " + seed + " --iterations " + iterations + " --reg " + reg + " --shrink "
                + shrink + " --target-accuracy " + targetAccuracy + " --out " + out + (fmt.isMovieLens() ? ""
                : csvFlags(given)));
        // λ for this catalog's utility scale, from the prior's population (never the held-out users).
        LambdaCalibration.Result lambda = LambdaCalibration.calibrate(result.itemVectors(), result.usersTrain(),
                result.dimension(), 200, targetAccuracy, 20_000, seed);
        Map<String, Object> calibration = new LinkedHashMap<>();
        calibration.put("targetAccuracy", targetAccuracy);
        calibration.put("accuracy", lambda.accuracy());
        calibration.put("topItems", lambda.topItems());
        calibration.put("samples", lambda.samples());
        calibration.put("users", "usersTrain");
        vectors.put("lambdaCalibration", calibration);
        CatalogManifest manifest = new CatalogManifest(cid, catalogVersion, given.title(), result.dimension(),
                result.items().size(),
                new CatalogManifest.Files("items.jsonl", "vectors.npy", "users-train.npy", "users-heldout.npy"),
                provenance, vectors, lambda.lambda());
        int dimension = result.dimension();
        CatalogWriter.write(out, manifest, result.items(), result.itemVectors(), result.usersTrain(), result.usersHeldout());
        Map<String, Object> r = result.report();
        System.out.printf("wrote %s: %d items, dimension %d (latent %d + item bias + user bias); users: train %s,"
                + " held-out %s%n", out, result.items().size(), dimension, dim, r.get("usersTrain"), r.get("usersHeldout"));
        System.out.printf("groups (users): %s; fitted on %s ratings in %s s (solves %s ms, %s)%n", r.get("users"),
                r.get("fitRatings"), r.get("fitSeconds"), r.get("solveMillis"), slv);
        System.out.printf("RMSE group 1 held-out 10%% (%s ratings): %s%n", r.get("group1HeldoutRatings"),
                r.get("rmseGroup1Heldout"));
        System.out.printf("RMSE fold-in, 10%% kept out: train users %s, held-out users %s (%s ratings)%n",
                r.get("rmseFoldInTrain"), r.get("rmseFoldInHeldout"), r.get("foldInTestRatings"));
        System.out.printf("mean vector norm: train %s, held-out %s (ratio %s); latent part: train %s, held-out %s"
                + " (ratio %s), jointly fitted group 1 %s%n", r.get("meanNormTrain"), r.get("meanNormHeldout"),
                r.get("normRatio"), r.get("meanLatentNormTrain"), r.get("meanLatentNormHeldout"),
                r.get("latentNormRatio"), r.get("meanLatentNormJointlyFitted"));
        System.out.printf(Locale.ROOT, "lambda %.4g: a pair of the population's top %d items answered correctly %.1f%% of"
                + " the time (target %.0f%%; %d draws from users-train)%n", lambda.lambda(), lambda.topItems(),
                100 * lambda.accuracy(), 100 * targetAccuracy, lambda.samples());
        return 0;
    }

    private Integer attributesMode() throws IOException, CatalogException {
        if (title == null) {
            throw new IllegalArgumentException("--attributes needs --title COLUMN");
        }
        byte[] raw = Files.readAllBytes(attributes);
        List<Map<String, Object>> rows;
        if (attributes.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            rows = Csv.rows(new String(raw, StandardCharsets.UTF_8), attributes.toString());
        } else {
            try (InputStream in = Files.newInputStream(attributes)) {
                rows = new ObjectMapper().readValue(in, new TypeReference<>() {});
            }
        }
        AttributeEmbedder.Result result = new AttributeEmbedder(numeric, categorical, title, id)
                .embed(rows, attributes.toString());
        String cid = catalogId != null ? catalogId : out.toAbsolutePath().normalize().getFileName().toString();
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("input", attributes.getFileName().toString());
        provenance.put("sha256", sha256(raw));
        putIfSet(provenance, "source", source);
        putIfSet(provenance, "license", license);
        putIfSet(provenance, "attribution", attribution);
        Map<String, Object> vectors = new LinkedHashMap<>();
        vectors.put("method", "attributes: numeric standardised (mean-imputed), categorical one-hot");
        vectors.put("columns", result.columns());
        vectors.put("imputed", result.imputed());
        vectors.put("means", result.means());
        vectors.put("stds", result.stds());
        vectors.put("command", "./elicitor embed --attributes " + attributes.getFileName()
                + (numeric.isEmpty() ? "" : " --numeric " + String.join(",", numeric))
                + (categorical.isEmpty() ? "" : " --categorical " + String.join(",", categorical))
                + " --title " + title + (id == null ? "" : " --id " + id) + " --out " + out);
        CatalogManifest manifest = new CatalogManifest(cid, catalogVersion, catalogTitle, result.dimension(),
                result.items().size(), CatalogManifest.Files.standard(), provenance, vectors, null, result.schema());
        CatalogWriter.write(out, manifest, result.items(), result.vectors());
        System.out.printf("wrote %s: %d items, dimension %d, imputed %s%n", out, result.items().size(),
                result.dimension(), result.imputed());
        return 0;
    }

    // A csv catalog's rebuild command needs its provenance flags, which have no defaults.
    private String csvFlags(RatingsProvenance given) {
        return (items == null ? "" : " --items " + items) + " --title " + quoted(given.title()) + " --source "
                + quoted(given.source()) + " --license " + quoted(given.license())
                + (given.attribution() == null ? "" : " --attribution " + quoted(given.attribution()));
    }

    private static String quoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void putIfSet(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
