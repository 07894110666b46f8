package io.elicitor.catalog.embed;

import java.util.Locale;

/** The layouts of a ratings file that {@code embed --ratings} reads ({@code --format}). */
public enum RatingsFormat {
    /** ML-100K {@code u.data}: tab-separated {@code user item rating timestamp}; titles in {@code u.item}. */
    ML_100K,
    /** ml-latest(-small) {@code ratings.csv}: {@code userId,movieId,rating,timestamp}; titles in {@code movies.csv}. */
    ML_LATEST,
    /**
     * Any ratings CSV: a header line, then {@code user,item,rating} with whole-number ids in the first three
     * columns (further columns ignored); titles from an optional {@code id,title} CSV, else the item id.
     */
    CSV;

    /** Parses {@code ml-100k}, {@code ml-latest} ({@code ml-latest-small} is the same layout) or {@code csv}. */
    public static RatingsFormat parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "ml-100k" -> ML_100K;
            case "ml-latest", "ml-latest-small" -> ML_LATEST;
            case "csv" -> CSV;
            default -> throw new IllegalArgumentException("--format must be ml-100k, ml-latest or csv, got '" + s + "'");
        };
    }

    /** Whether this is a MovieLens layout, whose catalogs default to the GroupLens title, source and licence. */
    public boolean isMovieLens() {
        return this != CSV;
    }
}
