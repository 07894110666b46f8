package io.elicitor.simulation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The results JSON of {@code simulate}: written, read back field for field, and refused for other users. */
class SimulationResultsTest {
    @TempDir
    Path dir;

    private static SimulationResults.Config config(String fingerprint, String compareTo) {
        return new SimulationResults.Config("cars", "3", 120, 8, "Gaussian prior", 3, "/data/users.npy", 1, 2, 2, 1.5,
                false, 128, 64, 32, 32640L, 7L, 2, null, List.of("greedy-eus", "exploit"), fingerprint, compareTo,
                "partial", 2, false);
    }

    private static SimulationResults results(String fingerprint) {
        // A NaN ratio (no regret at t = 0) and null answer latencies (in process) are part of the format.
        StrategySummary greedy = new StrategySummary(2, new double[] {0.0, 0.25, 0.125}, new double[] {0.0, 0.1, 0.05},
                new double[] {0.0, 0.4, 0.2}, new double[] {Double.NaN, Double.NaN, Double.NaN}, 0.5, 3.25, 9.5, null, null,
                0.75, 0.25);
        StrategySummary exploit = new StrategySummary(3, new double[] {0.5, 0.5, 0.375}, new double[] {0.25, 0.25, 0.125},
                new double[] {0.75, 0.75, 0.625}, new double[] {1.0, 1.0, 0.75}, 1.0 / 3, 1.0, 2.0, 4.5, 8.0, 0.5, 0.0);
        Map<String, StrategySummary> strategies = new LinkedHashMap<>();
        strategies.put("greedy-eus", greedy);
        strategies.put("exploit", exploit);
        PairedDifference d = new PairedDifference("greedy-eus", 2, new double[] {0.0, 0.25, 0.3}, new double[] {0.0, -0.1, 0.1},
                new double[] {0.0, 0.6, 0.5});
        Map<String, double[][]> curves = new LinkedHashMap<>();
        curves.put("greedy-eus", new double[][] {{0.0, 0.5, 0.25}, {0.0, 0.0, 0.0}, null});
        curves.put("exploit", new double[][] {{0.5, 0.5, 0.25}, {0.25, 0.5, 0.5}, {0.75, 0.5, 0.375}});
        var compared = new SimulationResults.Comparison("earlier.json", Map.of("exploit", d), Map.of("exploit", 1));
        return new SimulationResults(strategies, Map.of("exploit", d), Map.of(), compared, curves,
                config(fingerprint, "earlier.json"), false, 12.5);
    }

    @Test
    void writtenResultsReadBackFieldForField() throws Exception {
        SimulationResults written = results("f1");
        Path file = dir.resolve("results.json");
        written.write(file);
        assertTrue(Files.notExists(dir.resolve("results.json.tmp")), "written through a temporary file, then moved");
        SimulationResults read = SimulationResults.read(file);

        assertEquals(List.copyOf(written.strategies().keySet()), List.copyOf(read.strategies().keySet()), "in order");
        for (String s : written.strategies().keySet()) {
            StrategySummary a = written.strategies().get(s);
            StrategySummary b = read.strategies().get(s);
            assertEquals(a.users(), b.users());
            assertArrayEquals(a.regret(), b.regret(), 0.0);
            assertArrayEquals(a.regretLow(), b.regretLow(), 0.0);
            assertArrayEquals(a.regretHigh(), b.regretHigh(), 0.0);
            assertArrayEquals(a.regretRatio(), b.regretRatio(), 0.0);
            assertEquals(a.top10(), b.top10(), 0.0);
            assertEquals(a.msPerQueryP50(), b.msPerQueryP50(), 0.0);
            assertEquals(a.msPerQueryP99(), b.msPerQueryP99(), 0.0);
            assertEquals(a.msPerAnswerP50(), b.msPerAnswerP50());
            assertEquals(a.msPerAnswerP99(), b.msPerAnswerP99());
            assertEquals(a.answerAccuracy(), b.answerAccuracy(), 0.0);
            assertEquals(a.plateauShare(), b.plateauShare(), 0.0);
        }
        assertTrue(Double.isNaN(read.strategies().get("greedy-eus").regretRatio()[0]));
        assertNull(read.strategies().get("greedy-eus").msPerAnswerP50());
        assertPairedEquals(written.paired(), read.paired());
        assertPairedEquals(written.pairedWithPlain(), read.pairedWithPlain());
        assertEquals(written.comparedTo().file(), read.comparedTo().file());
        assertPairedEquals(written.comparedTo().paired(), read.comparedTo().paired());
        assertEquals(written.comparedTo().changedUsers(), read.comparedTo().changedUsers());
        assertEquals(List.copyOf(written.perUserRegret().keySet()), List.copyOf(read.perUserRegret().keySet()));
        for (String s : written.perUserRegret().keySet()) {
            double[][] a = written.perUserRegret().get(s);
            double[][] b = read.perUserRegret().get(s);
            assertEquals(a.length, b.length);
            for (int u = 0; u < a.length; u++) {
                assertArrayEquals(a[u], b[u], 0.0, s + " user " + u);
            }
        }
        assertNull(read.perUserRegret().get("greedy-eus")[2], "a user not finished stays null");
        assertEquals(written.config(), read.config());
        assertEquals(written.complete(), read.complete());
        assertEquals(written.seconds(), read.seconds(), 0.0);

        Path again = dir.resolve("again.json");
        read.write(again);
        assertEquals(Files.readString(file), Files.readString(again), "read and written again: the same bytes");
    }

    @Test
    void theFieldsAreTheDocumentedOnesInTheirOrderAndComparedToOnlyWithAnEarlierRun() throws Exception {
        Path file = dir.resolve("results.json");
        results("f1").write(file);
        String json = Files.readString(file);
        assertOrdered(json, "\"strategies\"", "\"paired\"", "\"pairedWithPlain\"", "\"comparedTo\"", "\"perUserRegret\"",
                "\"config\"", "\"complete\"", "\"seconds\"");
        assertTrue(json.contains("\"perUserRegret\" : {\n    \"greedy-eus\" : [ [ 0.0, 0.5, 0.25 ], [ 0.0, 0.0, 0.0 ], null ],"),
                "each array on one line: " + json);
        assertTrue(json.contains("\"usersFile\" : \"/data/users.npy\",\n    \"syntheticUsers\" : 1,"), json);
        assertTrue(json.contains("\"viaHttp\" : null,"), "null config fields are written: " + json);

        SimulationResults alone = results("f1");
        alone = new SimulationResults(alone.strategies(), alone.paired(), alone.pairedWithPlain(), null,
                alone.perUserRegret(), config("f1", null), true, 1.0);
        alone.write(file);
        json = Files.readString(file);
        assertTrue(!json.contains("comparedTo"), "no comparedTo without --compare-to: " + json);
        assertTrue(json.contains("\"compareTo\" : null"), json);
        assertNull(SimulationResults.read(file).comparedTo());
    }

    @Test
    void aFileOfOtherUsersIsRefusedByItsFingerprint() throws Exception {
        Path file = dir.resolve("earlier.json");
        results("users-a").write(file);
        SimulationResults same = SimulationResults.readToPairWith(file, "users-a");
        assertArrayEquals(new double[] {0.25, 0.5, 0.5}, same.perUserRegret().get("exploit")[1], 0.0);

        var e = assertThrows(IllegalArgumentException.class, () -> SimulationResults.readToPairWith(file, "users-b"));
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().contains("usersFingerprint differs"),
                e.getMessage());

        Path old = dir.resolve("old.json");
        Files.writeString(old, "{\"strategies\":{},\"config\":{\"usersFingerprint\":\"users-a\"}}");
        e = assertThrows(IllegalArgumentException.class, () -> SimulationResults.readToPairWith(old, "users-a"));
        assertTrue(e.getMessage().contains("no per-user results"), e.getMessage());

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"config\":");
        e = assertThrows(IllegalArgumentException.class, () -> SimulationResults.readToPairWith(broken, "users-a"));
        assertTrue(e.getMessage().startsWith(broken + ": cannot read it as JSON"), e.getMessage());
    }

    @Test
    void aRecordedResultsFileReadsAndWritesBackToTheSameBytes() throws Exception {
        // Written by simulate --compare-to on main before the format moved here: the format has not changed.
        Path recorded = Path.of("evoi/results/rounding-ml-latest-small-k2-haswell.json");
        SimulationResults read = SimulationResults.read(recorded);
        assertEquals("evoi/results/rounding-ml-latest-small-k2-native.json", read.comparedTo().file());
        assertEquals(231, read.config().users());
        Path again = dir.resolve("again.json");
        read.write(again);
        assertEquals(Files.readString(recorded), Files.readString(again));
    }

    private static void assertPairedEquals(Map<String, PairedDifference> a, Map<String, PairedDifference> b) {
        assertEquals(List.copyOf(a.keySet()), List.copyOf(b.keySet()));
        for (String s : a.keySet()) {
            assertEquals(a.get(s).reference(), b.get(s).reference());
            assertEquals(a.get(s).users(), b.get(s).users());
            assertArrayEquals(a.get(s).difference(), b.get(s).difference(), 0.0);
            assertArrayEquals(a.get(s).low(), b.get(s).low(), 0.0);
            assertArrayEquals(a.get(s).high(), b.get(s).high(), 0.0);
        }
    }

    private static void assertOrdered(String json, String... keys) {
        int at = -1;
        for (String k : keys) {
            int next = json.indexOf("\n  " + k + " :");
            assertTrue(next > at, k + " after the field before it: " + json);
            at = next;
        }
    }
}
