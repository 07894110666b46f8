package io.elicitor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.elicitor.catalog.embed.UserSplit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code simulate --answers-from} end to end on a small ratings catalog: held-out people answer from their ratings,
 * people the embedding used are refused, and a SUSHI-style ranking file is read and answered from.
 */
class SimulateRealAnswersTest {
    @TempDir
    static Path dir;

    private static Path catalog;
    private static Path ratings;
    private static final UserSplit SPLIT = new UserSplit(new int[] {60, 20, 20}, 1);

    @BeforeAll
    static void embed() throws Exception {
        ratings = ratings();
        catalog = dir.resolve("shop");
        Run r = run("embed", "--ratings", ratings.toString(), "--format", "ml-latest", "--dim", "2", "--iterations", "3",
                "--out", catalog.toString());
        assertEquals(0, r.code, r.err);
    }

    @Test
    void heldOutPeopleAnswerFromTheirRatings() throws Exception {
        Path out = dir.resolve("real.json");
        Run r = run("simulate", "--catalog", catalog.toString(), "--answers-from", ratings.toString(), "--answers-format",
                "ratings", "--strategies", "greedy-eus,random", "--queries", "3", "--particles", "128", "--threads", "2",
                "--seed", "3", "--out", out.toString());
        assertEquals(0, r.code, r.err);
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        long heldOut = IntStream.rangeClosed(1, 150).filter(u -> SPLIT.group(u) == UserSplit.HELD_OUT).count();
        assertEquals(heldOut, j.at("/config/people").asLong(), "every held-out user, nobody else");
        assertEquals(3 * heldOut, j.at("/strategies/greedy-eus/answers").asLong());
        JsonNode position = j.at("/strategies/greedy-eus/bayes/position/0");
        assertEquals(4, position.size(), "t = 0..3");
        assertTrue(j.at("/strategies/greedy-eus/ties").asLong() > 0, "half-star ratings tie, and ties are counted");
        assertEquals(0, j.at("/strategies/greedy-eus/repeatedSlates").asLong(), "no question asked twice");
        assertEquals(0, j.at("/strategies/random/repeatedSlates").asLong());
        assertTrue(j.at("/strategies/random/positionMinusReference/difference").size() == 4);
        assertTrue(j.at("/randomPick/position/0").asDouble() > 0);
        assertEquals(position.get(0).asDouble(), j.at("/strategies/random/bayes/position/0/0").asDouble(),
                "before any answer both recommend the population favourite");
    }

    @Test
    void lambdaIsFittedOnTheEnginesOwnSessionsAndWrittenIntoTheCatalog() throws Exception {
        Path copy = dir.resolve("shop-fitted");
        Files.createDirectories(copy);
        try (var files = Files.list(catalog)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Run likely = run("fit-lambda", "--catalog", copy.toString(), "--answers-from", ratings.toString(),
                "--answers-format", "ratings", "--by", "likelihood", "--queries", "3", "--rounds", "2", "--particles", "128",
                "--prior-samples", "256");
        assertEquals(0, likely.code, likely.err);
        assertTrue(likely.out.contains("round 1: sessions at lambda"), likely.out);
        Run r = run("fit-lambda", "--catalog", copy.toString(), "--answers-from", ratings.toString(), "--answers-format",
                "ratings", "--queries", "3", "--grid", "0.5,30", "--particles", "128", "--write");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("lambda 0.5000: position of the top recommendation"), r.out);
        JsonNode manifest = new ObjectMapper().readTree(copy.resolve("manifest.json").toFile());
        JsonNode fit = manifest.at("/vectors/lambdaFit");
        assertTrue(fit.at("/questions").asText().startsWith("the engine's own (greedy-eus, 3 questions of 2)"), fit.toString());
        assertEquals(2, fit.at("/curve").size(), "both grid points recorded");
        assertEquals(fit.at("/lambda").asDouble(), manifest.at("/lambda").asDouble(), "the catalog's lambda is the fit");
        assertTrue(r.out.contains(String.format(Locale.ROOT, "wrote lambda %.4g", manifest.at("/lambda").asDouble())), r.out);
        Run bad = run("fit-lambda", "--catalog", copy.toString(), "--answers-from", ratings.toString(), "--answers-format",
                "ratings", "--by", "likelihood", "--questions", "all");
        assertEquals(2, bad.code);
        assertTrue(bad.err.contains("--questions must be engine or random"), bad.err);
        Run badBy = run("fit-lambda", "--catalog", copy.toString(), "--answers-from", ratings.toString(),
                "--answers-format", "ratings", "--by", "vibes");
        assertEquals(2, badBy.code);
        assertTrue(badBy.err.contains("--by must be recommendation or likelihood"), badBy.err);
    }

    @Test
    void aTestPersonTheEmbeddingUsedIsRefused() throws Exception {
        int used = IntStream.rangeClosed(1, 150).filter(u -> SPLIT.group(u) == 1).findFirst().orElseThrow();
        Path list = Files.writeString(dir.resolve("people.txt"), used + "\n");
        Run r = run("simulate", "--catalog", catalog.toString(), "--answers-from", ratings.toString(), "--answers-format",
                "ratings", "--test-people", list.toString(), "--queries", "1");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("person " + used + " is in group 1"), r.err);
        Run format = run("simulate", "--catalog", catalog.toString(), "--answers-from", ratings.toString(),
                "--answers-format", "stars");
        assertEquals(2, format.code);
        assertTrue(format.err.contains("--answers-format must be sushi-order or ratings"), format.err);
    }

    @Test
    void rankingsAreReadLineByLineAndAnsweredFromTheOrder() throws Exception {
        List<Integer> heldOut = IntStream.range(0, 40).filter(u -> SPLIT.group(u) == UserSplit.HELD_OUT).boxed().toList();
        StringBuilder order = new StringBuilder("20 1\n");
        for (int line = 0; line < 40; line++) {
            order.append("0 5 ").append(line % 7 + 14).append(" 4 9 13 99\n"); // item 99 is not in the catalog
        }
        Path file = Files.writeString(dir.resolve("ranks.order"), order.toString());
        Path out = dir.resolve("ranks.json");
        Run r = run("simulate", "--catalog", catalog.toString(), "--answers-from", file.toString(), "--answers-format",
                "sushi-order", "--strategies", "greedy-eus", "--queries", "2", "--particles", "128", "--out", out.toString());
        assertEquals(0, r.code, r.err);
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertEquals(heldOut.size(), j.at("/config/people").asInt());
        assertEquals(40, j.at("/config/droppedItems").asInt(), "one unknown item per line, dropped");
        assertEquals(0, j.at("/strategies/greedy-eus/ties").asInt(), "a ranking never ties");
    }

    private record Run(int code, String err, String out) {}

    /** Runs a command in process; what it prints to System.out is captured too (commands print there, not to picocli's out). */
    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = ElicitorMain.commandLine();
        cli.setErr(new PrintWriter(err, true));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream was = System.out;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            return new Run(cli.execute(args), err.toString(), out.toString(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            System.setOut(was);
        }
    }

    /** 150 users rating about 12 of 20 items each, from a rank-2 model, in the ml-latest layout (half stars). */
    private static Path ratings() throws Exception {
        Random rng = new Random(17);
        double[][] item = new double[21][3];
        for (double[] v : item) {
            v[0] = rng.nextGaussian();
            v[1] = rng.nextGaussian();
            v[2] = 0.7 * rng.nextGaussian();
        }
        List<String> lines = new ArrayList<>(List.of("userId,movieId,rating,timestamp"));
        for (int u = 1; u <= 150; u++) {
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            for (int i = 1; i <= 20; i++) {
                if (rng.nextInt(20) < 12) {
                    double r = 3 + item[i][2] + 0.8 * (a * item[i][0] + b * item[i][1]) + 0.3 * rng.nextGaussian();
                    lines.add(String.format(Locale.ROOT, "%d,%d,%.1f,0", u, i, Math.max(0.5, Math.min(5,
                            Math.round(2 * r) / 2.0))));
                }
            }
        }
        return Files.write(dir.resolve("ratings.csv"), lines);
    }
}
