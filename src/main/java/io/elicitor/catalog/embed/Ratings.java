package io.elicitor.catalog.embed;

/**
 * Ratings as parallel arrays, one entry per rating, in file order.
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

    /** A prediction clipped to the observed rating range, as the RMSEs score it. */
    double clip(double prediction) {
        return Math.max(min, Math.min(max, prediction));
    }
}
