package io.elicitor.catalog.embed;

import io.elicitor.evoi.Seeds;

/**
 * The seeded three-way user split (evoi/METHOD.md) and the seeded 10% of ratings kept out for the RMSEs.
 * Both depend on ids only, never on file order, so a user lands in the same group whatever else the file holds.
 */
public final class UserSplit {
    /** The group whose users are folded in as held-out ground truth: never fitted, never the prior's population. */
    public static final int HELD_OUT = 3;

    private final int[] percents;
    private final long seed;

    /** A split of users into groups 1, 2, 3 by these percentages (validated by the caller's settings). */
    public UserSplit(int[] percents, long seed) {
        this.percents = percents.clone();
        this.seed = seed;
    }

    /** The group (1, 2 or 3) of a user id. */
    public int group(int userId) {
        long h = Long.remainderUnsigned(Seeds.mix(seed, 1_000L + userId), 100);
        return h < percents[0] ? 1 : h < percents[0] + percents[1] ? 2 : 3;
    }

    /** Whether a rating is in the seeded 10% kept out of fitting / fold-in. */
    boolean heldOut(int userId, int itemId) {
        long key = ((long) userId << 32) ^ (itemId & 0xffffffffL);
        return Long.remainderUnsigned(Seeds.mix(Seeds.mix(seed, 77), key), 10) == 0;
    }
}
