package io.elicitor.simulation.people;

import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.embed.UserSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which people may be test people: never one whose record built the catalog. A ratings catalog's manifest records
 * the seeded three-way split {@code embed} used ({@code vectors.split}, {@code vectors.seed}); groups 1 (item
 * fitting) and 2 (the prior's population) are refused, group 3 (held out) may be tested. A catalog without a
 * recorded split (built from attributes) used nobody's record, so everyone may be.
 */
public final class TestPeople {
    private TestPeople() {}

    /**
     * The people to test: those of {@code people} the split holds out, or exactly the {@code listed} ids when given
     * (a listed id that was used for the embedding, or is not in the answers file, is refused).
     */
    public static List<Person> of(List<Person> people, Catalog catalog, Set<Integer> listed) {
        Optional<UserSplit> split = split(catalog.manifest().vectors());
        if (listed != null) {
            List<Person> out = new ArrayList<>();
            for (Person p : people) {
                if (listed.contains(p.id())) {
                    split.ifPresent(s -> refuseUsed(s, p.id(), catalog.id()));
                    out.add(p);
                }
            }
            if (out.size() != listed.size()) {
                throw new IllegalArgumentException("--test-people lists " + (listed.size() - out.size())
                        + " people the answers file has no usable record of");
            }
            return out;
        }
        return split.map(s -> people.stream().filter(p -> s.group(p.id()) == UserSplit.HELD_OUT).toList())
                .orElse(people);
    }

    /**
     * The people of {@code people} in the catalog's prior population (group 2 of its recorded split): those a fit
     * of the model to the population may use without touching the test people. Everyone when no split is recorded.
     */
    public static List<Person> population(List<Person> people, Catalog catalog) {
        return split(catalog.manifest().vectors()).map(s -> people.stream().filter(p -> s.group(p.id()) == 2).toList())
                .orElse(people);
    }

    private static void refuseUsed(UserSplit s, int id, String catalogId) {
        int g = s.group(id);
        if (g != UserSplit.HELD_OUT) {
            throw new IllegalArgumentException("person " + id + " is in group " + g + " of catalog " + catalogId
                    + "'s embedding (" + (g == 1 ? "its items were fitted to their ratings" : "the prior's population")
                    + "); test people must be held out (group " + UserSplit.HELD_OUT + ")");
        }
    }

    /** The split a manifest's {@code vectors} block records, if any. */
    static Optional<UserSplit> split(Map<String, Object> vectors) {
        if (vectors == null || !(vectors.get("split") instanceof String s) || !(vectors.get("seed") instanceof Number seed)) {
            return Optional.empty();
        }
        int[] percents = Arrays.stream(s.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        return Optional.of(new UserSplit(percents, seed.longValue()));
    }
}
