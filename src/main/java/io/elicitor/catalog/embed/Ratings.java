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

    /**
     * Some of these ratings, with users and items renumbered densely for the solver.
     *
     * @param users dense user row of each rating
     * @param items dense item column of each rating
     * @param values the rating values
     */
    record Indexed(int[] users, int[] items, float[] values) {}

    /** The ratings at positions {@code rows}, users and items numbered by {@code userIndex} and {@code itemIndex}. */
    Indexed indexed(java.util.List<Integer> rows, java.util.Map<Integer, Integer> userIndex,
                    java.util.Map<Integer, Integer> itemIndex) {
        int m = rows.size();
        int[] ru = new int[m];
        int[] ri = new int[m];
        float[] rv = new float[m];
        for (int k = 0; k < m; k++) {
            int p = rows.get(k);
            ru[k] = userIndex.get(user[p]);
            ri[k] = itemIndex.get(item[p]);
            rv[k] = rating[p];
        }
        return new Indexed(ru, ri, rv);
    }

    /** A prediction clipped to the observed rating range, as the RMSEs score it. */
    double clip(double prediction) {
        return Math.max(min, Math.min(max, prediction));
    }
}
