package io.elicitor.evoi.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * For catalogs without attributes (embeddings learnt from ratings): where a user's posterior agrees with the
 * population and where it parts from it. Both utilities are standardised across the items given, the user's under
 * the posterior mean and the population's under the prior mean, so that only the ranking matters; an item's
 * difference is {@code z_user − z_population}. Cost {@code O(N·d)}.
 */
public final class PopulationContrast {
    /**
     * One item.
     *
     * @param item its index among the vectors given
     * @param user its standardised utility for this user
     * @param population its standardised utility for the population
     */
    public record Item(int item, double user, double population) {
        /** {@code user − population}: positive when the user likes it more than most people would. */
        public double difference() {
            return user - population;
        }
    }

    /**
     * The contrast.
     *
     * @param agreed among the user's favourite items, those the population also ranks highest (smallest difference)
     * @param likedMore items the user likes most above the population
     * @param likedLess items the user likes most below the population
     */
    public record Contrast(List<Item> agreed, List<Item> likedMore, List<Item> likedLess) {}

    private PopulationContrast() {}

    /**
     * The contrast over {@code n} items ({@code vectors} row-major {@code n × d}), {@code count} items per list; the
     * agreed ones come from the user's top {@code 5·count}.
     */
    public static Contrast of(float[] userMean, float[] populationMean, float[] vectors, int n, int count) {
        int d = userMean.length;
        if (populationMean.length != d || vectors.length != (long) n * d || count < 1) {
            throw new IllegalArgumentException("means and vectors must share the dimension; count >= 1");
        }
        double[] user = standardised(userMean, vectors, d, n);
        double[] population = standardised(populationMean, vectors, d, n);
        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(new Item(i, user[i], population[i]));
        }
        List<Item> favourites = new ArrayList<>(items);
        favourites.sort(Comparator.comparingDouble(Item::user).reversed());
        List<Item> agreed = new ArrayList<>(favourites.subList(0, Math.min(favourites.size(), 5 * count)));
        agreed.sort(Comparator.comparingDouble((Item i) -> Math.abs(i.difference())));
        List<Item> byDifference = new ArrayList<>(items);
        byDifference.sort(Comparator.comparingDouble(Item::difference));
        List<Item> less = byDifference.subList(0, Math.min(count, items.size()));
        List<Item> more = new ArrayList<>(byDifference.subList(Math.max(0, items.size() - count), items.size()));
        java.util.Collections.reverse(more);
        return new Contrast(List.copyOf(agreed.subList(0, Math.min(count, agreed.size()))), List.copyOf(more),
                List.copyOf(less));
    }

    private static double[] standardised(float[] w, float[] vectors, int d, int n) {
        double[] u = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            u[i] = AnswerOutlook.dot(w, 0, vectors, i * d, d);
            sum += u[i];
        }
        double mean = sum / Math.max(1, u.length);
        double squares = 0;
        for (double v : u) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / Math.max(1, u.length));
        for (int e = 0; e < u.length; e++) {
            u[e] = sd > 0 ? (u[e] - mean) / sd : 0;
        }
        return u;
    }
}
