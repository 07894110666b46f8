package io.elicitor.catalog.embed;

import java.util.Locale;

/** The layouts of a ratings file that {@code embed --ratings} reads ({@code --format}). */
public enum RatingsFormat {
    /** ML-100K {@code u.data}: tab-separated {@code user item rating timestamp}; titles in {@code u.item}. */
    ML_100K,
    /** ml-latest(-small) {@code ratings.csv}: {@code userId,movieId,rating,timestamp}; titles in {@code movies.csv}. */
    ML_LATEST;

    /** Parses {@code ml-100k} or {@code ml-latest} ({@code ml-latest-small} is accepted as the same layout). */
    public static RatingsFormat parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "ml-100k" -> ML_100K;
            case "ml-latest", "ml-latest-small" -> ML_LATEST;
            default -> throw new IllegalArgumentException("--format must be ml-100k or ml-latest, got '" + s + "'");
        };
    }
}
