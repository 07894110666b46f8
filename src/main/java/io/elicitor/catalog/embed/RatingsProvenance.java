package io.elicitor.catalog.embed;

/**
 * The title, source, licence and attribution a ratings catalog's manifest records.
 *
 * @param title the catalog's human-readable name
 * @param source where the ratings came from
 * @param license the ratings' licence
 * @param attribution required attribution text, or null for none
 */
public record RatingsProvenance(String title, String source, String license, String attribution) {
    static final String MOVIELENS_LICENSE = "GroupLens research-only licence: do not redistribute; no commercial use";
    static final String MOVIELENS_CITATION =
            "F. M. Harper and J. A. Konstan, The MovieLens Datasets: History and Context, ACM TiiS 5(4), 2015";

    /**
     * The given values (null where not given) with defaults filled in. Only the MovieLens formats have
     * defaults, GroupLens's own; any other ratings file could come from anywhere, so guessing would put a
     * wrong licence in the manifest: a missing title, source or licence is refused instead.
     *
     * @param format the ratings format
     * @param formatName the format as given on the command line (the MovieLens defaults quote it)
     * @param d latent dimension, quoted by the MovieLens default title
     * @throws IllegalArgumentException naming the first missing flag
     */
    public static RatingsProvenance resolve(RatingsFormat format, String formatName, int d, String title,
                                            String source, String license, String attribution) {
        if (format.isMovieLens()) {
            return new RatingsProvenance(title != null ? title : "MovieLens " + formatName + " (biased ALS, d=" + d + ")",
                    source != null ? source : "GroupLens MovieLens (" + formatName + ")",
                    license != null ? license : MOVIELENS_LICENSE,
                    attribution != null ? attribution : MOVIELENS_CITATION);
        }
        return new RatingsProvenance(required(formatName, "--title", "the catalog's title", title),
                required(formatName, "--source", "where the ratings came from", source),
                required(formatName, "--license", "the ratings' licence", license),
                attribution == null || attribution.isBlank() ? null : attribution);
    }

    private static String required(String formatName, String flag, String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--format " + formatName + " needs " + flag + " (" + what
                    + "); only the MovieLens formats have defaults");
        }
        return value;
    }
}
