package io.elicitor.simulation.people;

import java.util.Arrays;
import java.util.Objects;

/**
 * A real person as the harness sees them: the catalog rows they have a recorded preference over and how much
 * they prefer each (higher is preferred: a rating, or for a ranking the number of items ranked below). Answers
 * and positions follow the record alone; equal preferences are broken by the lower item id, and such an answer
 * is a tie the harness counts.
 *
 * @param id the person's id in the answers file (user id, or the line of a ranking)
 * @param rows catalog rows of the items with a recorded preference
 * @param itemIds the items' numeric ids, for the tie rule
 * @param preference preference of each item, higher preferred
 */
public record Person(int id, int[] rows, long[] itemIds, double[] preference) {
    /** Validates eagerly and copies. */
    public Person {
        Objects.requireNonNull(rows, "rows");
        if (rows.length < 2 || itemIds.length != rows.length || preference.length != rows.length) {
            throw new IllegalArgumentException("person " + id + ": need at least 2 items, each with an id and a preference");
        }
        rows = rows.clone();
        itemIds = itemIds.clone();
        preference = preference.clone();
    }

    /** Number of items with a recorded preference. */
    public int size() {
        return rows.length;
    }

    /** The index in {@code slate} (catalog rows) of the option the record prefers; ties to the lower item id. */
    public int choose(int[] slate) {
        int best = -1;
        for (int i = 0; i < slate.length; i++) {
            int at = indexOf(slate[i]);
            if (best < 0 || beats(at, indexOf(slate[best]))) {
                best = i;
            }
        }
        return best;
    }

    /** Whether the record cannot tell the best options of {@code slate} apart (the tie rule decided). */
    public boolean tied(int[] slate) {
        int chosen = indexOf(slate[choose(slate)]);
        for (int r : slate) {
            int at = indexOf(r);
            if (at != chosen && preference[at] == preference[chosen]) {
                return true;
            }
        }
        return false;
    }

    /** Position of catalog row {@code row} in the person's own order: how many of their items they prefer to it. */
    public int position(int row) {
        double p = preference[indexOf(row)];
        int above = 0;
        for (double q : preference) {
            if (q > p) {
                above++;
            }
        }
        return above;
    }

    /** The NDCG gain of a row: its preference above the person's least preferred item. */
    public double gain(int row) {
        return preference[indexOf(row)] - Arrays.stream(preference).min().orElseThrow();
    }

    /** Index of catalog row {@code row} among the person's items; fails for an item without a record. */
    int indexOf(int row) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == row) {
                return i;
            }
        }
        throw new IllegalArgumentException("person " + id + " has no recorded preference for catalog row " + row);
    }

    private boolean beats(int a, int b) {
        return preference[a] > preference[b] || (preference[a] == preference[b] && itemIds[a] < itemIds[b]);
    }
}
