package io.elicitor.simulation.people;

import io.elicitor.catalog.Catalog;
import io.elicitor.catalog.CatalogException;
import io.elicitor.catalog.embed.Ratings;
import io.elicitor.catalog.embed.RatingsFormat;
import io.elicitor.catalog.embed.RatingsReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Reads real people's recorded preferences, joined to a catalog by item id: SUSHI rankings ({@code sushi-order},
 * a header line then {@code 0 n id₁ … idₙ} per person, most preferred first; a person is identified by their
 * line, 0 for the first ranking) or ratings ({@code ratings}: ML-100K {@code u.data}, ml-latest {@code ratings.csv}
 * or a {@code user,item,rating} CSV, told apart by their first line). Items the catalog lacks are dropped; a person
 * left with fewer than two items is skipped.
 */
public final class RecordedAnswers {
    /** The layouts {@code --answers-format} names. */
    public enum Format {
        /** SUSHI {@code sushi3*.order}: one complete ranking per line. */
        SUSHI_ORDER,
        /** Ratings: a person prefers the item they rated higher. */
        RATINGS;

        /** Parses {@code sushi-order} or {@code ratings}. */
        public static Format parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "sushi-order" -> SUSHI_ORDER;
                case "ratings" -> RATINGS;
                default -> throw new IllegalArgumentException("--answers-format must be sushi-order or ratings, got '"
                        + s + "'");
            };
        }
    }

    /**
     * What was read.
     *
     * @param people the people, ordered by id
     * @param droppedItems recorded preferences over items the catalog does not have
     */
    public record Readout(List<Person> people, long droppedItems) {}

    private RecordedAnswers() {}

    /** Reads {@code file} in {@code format} against {@code catalog}. */
    public static Readout read(Path file, Format format, Catalog catalog) throws IOException, CatalogException {
        return format == Format.SUSHI_ORDER ? sushi(file, catalog) : ratings(file, catalog);
    }

    private static Readout sushi(Path file, Catalog catalog) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Person> people = new ArrayList<>();
        long dropped = 0;
        for (int l = 1; l < lines.size(); l++) {
            String line = lines.get(l).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            int n;
            try {
                n = Integer.parseInt(f[1]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + " line " + (l + 1) + ": not a SUSHI ranking '0 n id…'");
            }
            if (f.length != n + 2) {
                throw new IllegalArgumentException(file + " line " + (l + 1) + ": says " + n + " items, lists " + (f.length - 2));
            }
            Joined j = new Joined();
            for (int r = 0; r < n; r++) {
                dropped += j.add(catalog, Long.parseLong(f[r + 2]), n - 1 - r) ? 0 : 1;
            }
            j.person(l - 1).ifPresent(people::add);
        }
        return new Readout(people, dropped);
    }

    private static Readout ratings(Path file, Catalog catalog) throws IOException, CatalogException {
        Ratings r = RatingsReader.read(file, layout(file));
        Map<Integer, Joined> byUser = new TreeMap<>();
        long dropped = 0;
        for (int i = 0; i < r.size(); i++) {
            dropped += byUser.computeIfAbsent(r.user()[i], u -> new Joined()).add(catalog, r.item()[i], r.rating()[i]) ? 0 : 1;
        }
        List<Person> people = new ArrayList<>();
        byUser.forEach((user, j) -> j.person(user).ifPresent(people::add));
        return new Readout(people, dropped);
    }

    /** The ratings layout by the file's first line: tabs (ML-100K), a {@code userId} header (ml-latest), else CSV. */
    static RatingsFormat layout(Path file) throws IOException {
        String first;
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            first = lines.findFirst().orElse("");
        }
        return first.contains("\t") ? RatingsFormat.ML_100K
                : first.startsWith("userId") ? RatingsFormat.ML_LATEST : RatingsFormat.CSV;
    }

    /** One person's preferences over the catalog's items, as they are read. */
    private static final class Joined {
        private final List<Integer> rows = new ArrayList<>();
        private final List<Long> ids = new ArrayList<>();
        private final List<Double> preference = new ArrayList<>();

        /** Adds an item; false when the catalog lacks it. */
        boolean add(Catalog catalog, long itemId, double p) {
            OptionalInt row = catalog.indexOf(Long.toString(itemId));
            if (row.isEmpty()) {
                return false;
            }
            rows.add(row.getAsInt());
            ids.add(itemId);
            preference.add(p);
            return true;
        }

        java.util.Optional<Person> person(int id) {
            if (rows.size() < 2) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new Person(id, rows.stream().mapToInt(Integer::intValue).toArray(),
                    ids.stream().mapToLong(Long::longValue).toArray(), preference.stream().mapToDouble(d -> d).toArray()));
        }
    }
}
