package io.elicitor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code simulate} end to end on the bundled cars: per-user results in the JSON and {@code --compare-to}. */
class SimulateCommandTest {
    @TempDir
    Path dir;

    private int simulate(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("--synthetic-users", "6", "--strategies", "greedy-eus,exploit",
                "--queries", "3", "--particles", "128", "--threads", "2", "--out", out.toString()));
        args.addAll(List.of(more));
        CommandLine cli = new CommandLine(new SimulateCommand());
        cli.setErr(new java.io.PrintWriter(java.io.Writer.nullWriter()));
        return cli.execute(args.toArray(new String[0]));
    }

    @Test
    void aRunComparedWithItselfDiffersByNothingAndWithOtherSettingsBySomething() throws Exception {
        Path a = dir.resolve("a.json");
        assertEquals(0, simulate(a, "--seed", "3"));
        JsonNode first = new ObjectMapper().readTree(a.toFile());
        assertEquals(6, first.at("/perUserRegret/greedy-eus").size());
        assertEquals(4, first.at("/perUserRegret/greedy-eus/0").size(), "r_0..r_T for T = 3");
        assertEquals(first.at("/strategies/exploit/regret/3").asDouble(), mean(first.at("/perUserRegret/exploit"), 3), 1e-12);
        assertEquals(64, first.at("/config/usersFingerprint").asText().length());

        Path b = dir.resolve("b.json");
        assertEquals(0, simulate(b, "--seed", "3", "--compare-to", a.toString()));
        JsonNode same = new ObjectMapper().readTree(b.toFile()).at("/comparedTo/paired/greedy-eus");
        assertEquals(6, same.path("users").asInt());
        for (JsonNode d : same.path("difference")) {
            assertEquals(0.0, d.asDouble(), 0.0, "the same run, bit for bit");
        }
        assertEquals(0, new ObjectMapper().readTree(b.toFile()).at("/comparedTo/changedUsers/greedy-eus").asInt(-1));

        Path c = dir.resolve("c.json");
        assertEquals(0, simulate(c, "--seed", "3", "--lambda", "0.5", "--compare-to", a.toString()));
        JsonNode other = new ObjectMapper().readTree(c.toFile()).at("/comparedTo/paired/exploit/difference");
        boolean differs = false;
        for (JsonNode d : other) {
            differs |= d.asDouble() != 0.0;
        }
        assertEquals(0.0, other.get(0).asDouble(), 0.0, "same users, same prior draw: same regret before any answer");
        assertTrue(differs, "noisier answers must change some user's curve: " + other);
        int changed = new ObjectMapper().readTree(c.toFile()).at("/comparedTo/changedUsers/exploit").asInt(-1);
        assertTrue(changed > 0 && changed <= 6, "changed users of 6: " + changed);
    }

    @Test
    void otherUsersOrSeedsAreRefusedBeforeAnythingRuns() throws Exception {
        Path a = dir.resolve("a.json");
        assertEquals(0, simulate(a, "--seed", "3"));
        Path b = dir.resolve("b.json");
        assertNotEquals(0, simulate(b, "--seed", "4", "--compare-to", a.toString()));
        assertFalse(Files.exists(b), "a refused comparison writes nothing");
        Files.writeString(dir.resolve("old.json"), "{\"strategies\":{},\"config\":{}}");
        assertNotEquals(0, simulate(b, "--seed", "3", "--compare-to", dir.resolve("old.json").toString()));
        assertFalse(Files.exists(b));
    }

    private static double mean(JsonNode curves, int t) {
        double s = 0;
        for (JsonNode c : curves) {
            s += c.get(t).asDouble();
        }
        return s / curves.size();
    }
}
