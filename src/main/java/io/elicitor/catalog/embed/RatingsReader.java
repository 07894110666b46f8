package io.elicitor.catalog.embed;

import io.elicitor.catalog.CatalogException;
import io.elicitor.catalog.Item;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads ratings files ({@link RatingsFormat}) and their item titles; errors name the file and line. */
public final class RatingsReader {
    private static final Pattern YEAR = Pattern.compile("\\((\\d{4})\\)\\s*$");

    private RatingsReader() {}

    /**
     * Reads the ratings of a file in a format; a blank line is skipped, any other unreadable line refused.
     * A {@code csv} file's first non-blank line is its header.
     */
    public static Ratings read(Path file, RatingsFormat format) throws IOException, CatalogException {
        // ISO-8859-1 never fails to decode, and the fields read here are plain ASCII numbers.
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        int n = lines.size();
        int[] u = new int[n];
        int[] it = new int[n];
        float[] r = new float[n];
        int count = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        boolean header = format == RatingsFormat.CSV;
        for (int ln = 0; ln < n; ln++) {
            String line = lines.get(ln);
            if (line.isBlank() || (format == RatingsFormat.ML_LATEST && ln == 0 && line.startsWith("userId"))) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = format == RatingsFormat.ML_100K ? line.split("\t") : line.split(",");
            if (f.length < 3) {
                throw new CatalogException(file + ": line " + (ln + 1) + ": expected user, item, rating; got '" + line + "'");
            }
            try {
                u[count] = Integer.parseInt(field(f[0], format));
                it[count] = Integer.parseInt(field(f[1], format));
                r[count] = Float.parseFloat(field(f[2], format));
            } catch (NumberFormatException e) {
                throw new CatalogException(file + ": line " + (ln + 1) + ": not a rating line: '" + line + "'");
            }
            if (!Float.isFinite(r[count])) {
                throw new CatalogException(file + ": line " + (ln + 1) + ": rating is not finite");
            }
            min = Math.min(min, r[count]);
            max = Math.max(max, r[count]);
            count++;
        }
        if (count == 0) {
            throw new CatalogException(file + ": no ratings");
        }
        return new Ratings(Arrays.copyOf(u, count), Arrays.copyOf(it, count), Arrays.copyOf(r, count), min, max);
    }

    // A generic CSV may quote its numbers ("3","17","4.5"); the MovieLens layouts never do and stay as they were.
    private static String field(String raw, RatingsFormat format) {
        String v = raw.trim();
        if (format == RatingsFormat.CSV && v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1).trim();
        }
        return v;
    }

    /**
     * Items of a {@code csv} catalog: every rated item, titled from {@code titlesFile} when given (a CSV whose
     * first two columns are id and title, after a header line; further columns ignored), else by its id.
     */
    public static Map<Integer, Item> csvItems(Ratings ratings, Path titlesFile) throws IOException, CatalogException {
        Map<Integer, String> titles = titlesFile == null ? Map.of() : titles(titlesFile);
        Map<Integer, Item> out = new HashMap<>();
        for (int id : ratings.item()) {
            out.computeIfAbsent(id, k -> new Item(String.valueOf(k), titles.getOrDefault(k, String.valueOf(k)), Map.of()));
        }
        return out;
    }

    private static Map<Integer, String> titles(Path file) throws IOException, CatalogException {
        List<List<String>> records = Csv.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        if (records.isEmpty()) {
            throw new CatalogException(file + ": no header line");
        }
        Map<Integer, String> titles = new HashMap<>();
        // Rows count from 1 at the first data row, as Csv.rows does: a quoted title may span lines.
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() < 2) {
                throw new CatalogException(file + ": row " + r + ": expected id, title; got " + rec);
            }
            int id;
            try {
                id = Integer.parseInt(rec.get(0).trim());
            } catch (NumberFormatException e) {
                throw new CatalogException(file + ": row " + r + ": item id '" + rec.get(0) + "' is not a whole number");
            }
            String title = rec.get(1).trim();
            // A blank title leaves the item titled by its id rather than by nothing.
            if (titles.put(id, title.isEmpty() ? String.valueOf(id) : title) != null) {
                throw new CatalogException(file + ": row " + r + ": duplicate item id " + id);
            }
        }
        return titles;
    }

    /**
     * Titles and attributes by item id from {@code movies.csv} or {@code u.item} (+ {@code u.genre}) beside a
     * MovieLens ratings file; empty when that file is absent.
     */
    public static Map<Integer, Item> movieLensItems(Path ratingsFile, RatingsFormat format)
            throws IOException, CatalogException {
        if (!format.isMovieLens()) {
            throw new IllegalArgumentException("no MovieLens item files for format " + format);
        }
        Path dir = ratingsFile.toAbsolutePath().getParent();
        return format == RatingsFormat.ML_LATEST ? moviesCsv(dir.resolve("movies.csv")) : uItem(dir);
    }

    private static Map<Integer, Item> moviesCsv(Path movies) throws IOException, CatalogException {
        Map<Integer, Item> out = new HashMap<>();
        if (!Files.exists(movies)) {
            return out;
        }
        for (Map<String, Object> row : Csv.rows(Files.readString(movies, StandardCharsets.UTF_8), movies.toString())) {
            int id = Integer.parseInt(String.valueOf(row.get("movieId")).trim());
            String title = row.get("title") == null ? String.valueOf(id) : String.valueOf(row.get("title")).trim();
            Map<String, Object> attrs = new LinkedHashMap<>();
            putYear(attrs, title);
            if (row.get("genres") != null && !"(no genres listed)".equals(row.get("genres"))) {
                attrs.put("genres", row.get("genres"));
            }
            out.put(id, new Item(String.valueOf(id), title, attrs));
        }
        return out;
    }

    private static Map<Integer, Item> uItem(Path dir) throws IOException {
        Map<Integer, Item> out = new HashMap<>();
        Path uItem = dir.resolve("u.item");
        if (!Files.exists(uItem)) {
            return out;
        }
        List<String> genres = new ArrayList<>();
        Path uGenre = dir.resolve("u.genre");
        if (Files.exists(uGenre)) {
            for (String line : Files.readAllLines(uGenre, StandardCharsets.ISO_8859_1)) {
                if (!line.isBlank()) {
                    genres.add(line.substring(0, line.indexOf('|')));
                }
            }
        }
        for (String line : Files.readAllLines(uItem, StandardCharsets.ISO_8859_1)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            int id = Integer.parseInt(f[0].trim());
            String title = f[1].trim();
            Map<String, Object> attrs = new LinkedHashMap<>();
            putYear(attrs, title);
            // u.item has one 0/1 column per genre of u.genre, in u.genre's order, from column 6 on.
            List<String> g = new ArrayList<>();
            for (int k = 0; k < genres.size() && 5 + k < f.length; k++) {
                if ("1".equals(f[5 + k].trim()) && !"unknown".equals(genres.get(k))) {
                    g.add(genres.get(k));
                }
            }
            if (!g.isEmpty()) {
                attrs.put("genres", String.join("|", g));
            }
            out.put(id, new Item(String.valueOf(id), title, attrs));
        }
        return out;
    }

    private static void putYear(Map<String, Object> attrs, String title) {
        Matcher m = YEAR.matcher(title);
        if (m.find()) {
            attrs.put("year", Integer.parseInt(m.group(1)));
        }
    }
}
