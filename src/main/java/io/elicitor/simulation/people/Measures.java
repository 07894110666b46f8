package io.elicitor.simulation.people;

/**
 * How good a recommendation list is for a person, by their own record: the position of the top recommendation
 * in their order (0 = a favourite), hit@1 and hit@3 (a favourite among the first 1 or 3 recommended), and
 * NDCG@3 (gain: preference above the person's least preferred item; discount {@code 1 / log2(i + 2)}).
 *
 * @param position position of the first recommendation in the person's order
 * @param hit1 1 when the first recommendation is a favourite, else 0
 * @param hit3 1 when a favourite is among the first three, else 0
 * @param ndcg3 NDCG of the first three
 */
public record Measures(double position, double hit1, double hit3, double ndcg3) {
    /** Names of the measures, in field order. */
    public static final String[] NAMES = {"position", "hit1", "hit3", "ndcg3"};

    /** The measures of {@code top} (catalog rows, best first; at least one) for {@code person}. */
    public static Measures of(Person person, int[] top) {
        double hit3 = 0;
        double dcg = 0;
        for (int i = 0; i < Math.min(3, top.length); i++) {
            if (person.position(top[i]) == 0) {
                hit3 = 1;
            }
            dcg += person.gain(top[i]) / log2(i + 2);
        }
        double ideal = idealDcg(person);
        int first = person.position(top[0]);
        return new Measures(first, first == 0 ? 1 : 0, hit3, ideal > 0 ? dcg / ideal : 1.0);
    }

    /** The expected measures of three of the person's items drawn at random without replacement. */
    public static Measures randomPick(Person person) {
        int n = person.size();
        double position = 0;
        double gain = 0;
        int favourites = 0;
        for (int r : person.rows()) {
            position += person.position(r);
            gain += person.gain(r);
            favourites += person.position(r) == 0 ? 1 : 0;
        }
        int shown = Math.min(3, n);
        double noFavourite = 1;
        for (int i = 0; i < shown; i++) {
            noFavourite *= (double) (n - favourites - i) / (n - i);
        }
        double discount = 0;
        for (int i = 0; i < shown; i++) {
            discount += 1 / log2(i + 2);
        }
        double ideal = idealDcg(person);
        return new Measures(position / n, favourites / (double) n, 1 - Math.max(0, noFavourite),
                ideal > 0 ? gain / n * discount / ideal : 1.0);
    }

    /** Field {@code i} of {@link #NAMES}. */
    public double get(int i) {
        return switch (i) {
            case 0 -> position;
            case 1 -> hit1;
            case 2 -> hit3;
            case 3 -> ndcg3;
            default -> throw new IndexOutOfBoundsException(i);
        };
    }

    private static double idealDcg(Person person) {
        double[] gains = new double[person.size()];
        for (int i = 0; i < gains.length; i++) {
            gains[i] = person.gain(person.rows()[i]);
        }
        java.util.Arrays.sort(gains);
        double ideal = 0;
        for (int i = 0; i < Math.min(3, gains.length); i++) {
            ideal += gains[gains.length - 1 - i] / log2(i + 2);
        }
        return ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
