package io.elicitor.catalog;

import java.util.Arrays;
import java.util.List;

/**
 * Item id → row, for a catalog's items: open addressing over an {@code int[]} of rows (about 8 bytes per
 * item, where a {@code HashMap<String, Integer>} holds about 64), the ids themselves read from the items.
 */
final class IdIndex {
    private final List<Item> items;
    private final int[] slots;
    private final int mask;

    /** An empty index for up to {@code capacity} rows of {@code items} (which may still be filling). */
    IdIndex(List<Item> items, int capacity) {
        this.items = items;
        int size = Integer.highestOneBit(Math.max(4, capacity) * 2 - 1) << 1;
        this.slots = new int[size];
        Arrays.fill(slots, -1);
        this.mask = size - 1;
    }

    /** Indexes row {@code row} (whose item is already in the list); returns the earlier row with the same id, or -1. */
    int put(int row) {
        String id = items.get(row).id();
        int i = spread(id.hashCode()) & mask;
        while (slots[i] >= 0) {
            if (items.get(slots[i]).id().equals(id)) {
                return slots[i];
            }
            i = (i + 1) & mask;
        }
        slots[i] = row;
        return -1;
    }

    /** The row of an id, or -1. */
    int get(String id) {
        int i = spread(id.hashCode()) & mask;
        while (slots[i] >= 0) {
            if (items.get(slots[i]).id().equals(id)) {
                return slots[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
