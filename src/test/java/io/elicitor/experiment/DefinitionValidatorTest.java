package io.elicitor.experiment;

import io.elicitor.catalog.CatalogLoader;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.runtime.Refusal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Definitions become running experiments, or are refused with the field at fault; no database. */
class DefinitionValidatorTest {
    private static DefinitionValidator validator;

    @BeforeAll
    static void registries() throws Exception {
        CatalogRegistry catalogs = new CatalogRegistry();
        catalogs.register(CatalogLoader.loadResource("catalogs/cars"));
        validator = new DefinitionValidator(catalogs, StrategyRegistry.builtIn(), "cars");
    }

    private static Arm arm(String name, String strategy) {
        return new Arm(name, strategy, null, null);
    }

    private static Arm withParams(Integer slateSize, Integer particles, Double lambda, Integer maxQueries) {
        return new Arm("b", "exploit", new Arm.ArmParams(slateSize, particles, lambda, maxQueries, null, null), null);
    }

    private static Arm weighted(double weight) {
        return new Arm("a", "random", null, weight);
    }

    private static Definition twoArms(Arm first, Arm second) {
        return new Definition("evoi vs random", null, null, Arrays.asList(first, second), null);
    }

    @Test
    void aValidDefinitionBecomesARunningExperimentWithDefaultsFilledIn() {
        Arm evoi = new Arm("evoi", "gradient", new Arm.ArmParams(3, 256, 3.5, 6, null, null), 3.0);
        Experiment e = validator.validate(new Definition("evoi vs random", null, null,
                List.of(arm("control", "random"), evoi), null));
        assertEquals("evoi vs random", e.name());
        assertEquals("cars", e.catalog());
        assertEquals("session", e.unit());
        assertEquals("running", e.status());
        assertTrue(e.running());
        assertNotNull(e.createdAt());
        assertNull(e.stoppedAt());
        assertEquals(e.id(), UUID.fromString(e.id()).toString());
        assertTrue(e.salt().matches("[0-9a-f]{32}"), e.salt());
        assertEquals(List.of(new Arm("control", "random", Arm.ArmParams.NONE, 1.0), evoi), e.arms());

        Experiment again = validator.validate(new Definition("again", "cars", "userKey",
                List.of(arm("control", "random"), evoi), "rehearsal-salt_1"));
        assertEquals("userKey", again.unit());
        assertEquals("rehearsal-salt_1", again.salt());
        assertNotEquals(e.id(), again.id());
    }

    @Test
    void boundaryValuesAreAccepted() {
        Experiment e = validator.validate(new Definition("x".repeat(200), "cars", "session", List.of(
                new Arm("a".repeat(100), "greedy-eus@2", new Arm.ArmParams(2, 16, 1000.0, 1, null, null), 1e-9),
                new Arm("b", "exploit", new Arm.ArmParams(6, 16384, 1e-6, 1000, null, null), null)), "12345678"));
        assertEquals(2, e.arms().size());
    }

    static Stream<Arguments> refusals() {
        List<Arm> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(arm("a" + i, "random"));
        }
        Arm a = arm("a", "random");
        return Stream.of(
                Arguments.of(null, null, "a JSON body {name, unit, arms} is required"),
                Arguments.of(new Definition(null, null, null, List.of(a, arm("b", "exploit")), null), "name",
                        "name must be 1 to 200 characters"),
                Arguments.of(new Definition(" ", null, null, List.of(a, arm("b", "exploit")), null), "name", null),
                Arguments.of(new Definition("x".repeat(201), null, null, List.of(a, arm("b", "exploit")), null), "name", null),
                Arguments.of(new Definition("x", "no-such", null, List.of(a, arm("b", "exploit")), null), "catalog",
                        "unknown catalog 'no-such'; loaded: [cars]"),
                Arguments.of(new Definition("x", null, "cookie", List.of(a, arm("b", "exploit")), null), "unit",
                        "unit must be 'session' or 'userKey', got 'cookie'"),
                Arguments.of(new Definition("x", null, null, null, null), "arms", "an experiment needs 2 to 10 arms"),
                Arguments.of(new Definition("x", null, null, List.of(a), null), "arms", null),
                Arguments.of(new Definition("x", null, null, eleven, null), "arms", null),
                Arguments.of(twoArms(a, null), "arms[1]", "arm must be an object"),
                Arguments.of(twoArms(a, arm("a", "exploit")), "arms[1].name", "arm names must be 1 to 100 characters and unique"),
                Arguments.of(twoArms(arm("", "random"), a), "arms[0].name", null),
                Arguments.of(twoArms(arm("a".repeat(101), "random"), a), "arms[0].name", null),
                Arguments.of(twoArms(a, arm("b", null)), "arms[1].strategy", null),
                Arguments.of(twoArms(a, arm("b", "psychic")), "arms[1].strategy", StrategyRegistry.builtIn().unknown("psychic")),
                Arguments.of(twoArms(weighted(0), arm("b", "exploit")), "arms[0].weight", "weight must be positive and finite"),
                Arguments.of(twoArms(weighted(-1), arm("b", "exploit")), "arms[0].weight", null),
                Arguments.of(twoArms(weighted(Double.NaN), arm("b", "exploit")), "arms[0].weight", null),
                Arguments.of(twoArms(weighted(Double.POSITIVE_INFINITY), arm("b", "exploit")), "arms[0].weight", null),
                Arguments.of(twoArms(a, withParams(7, null, null, null)), "arms[1].params.slateSize", "slateSize must be 2 to 6"),
                Arguments.of(twoArms(a, withParams(1, null, null, null)), "arms[1].params.slateSize", null),
                Arguments.of(twoArms(a, withParams(null, 15, null, null)), "arms[1].params.particles",
                        "particles must be 16 to 16384"),
                Arguments.of(twoArms(a, withParams(null, null, 0.0, null)), "arms[1].params.lambda", "lambda must be in (0, 1000]"),
                Arguments.of(twoArms(a, withParams(null, null, 1000.5, null)), "arms[1].params.lambda", null),
                Arguments.of(twoArms(a, withParams(null, null, Double.NaN, null)), "arms[1].params.lambda", null),
                Arguments.of(twoArms(a, withParams(null, null, null, 0)), "arms[1].params.maxQueries",
                        "maxQueries must be 1 to 1000"),
                // The first fault is the one reported.
                Arguments.of(twoArms(new Arm("a", "random", new Arm.ArmParams(9, null, null, null, null, null), 1.0),
                        arm("b", "psychic")), "arms[0].params.slateSize", null),
                Arguments.of(new Definition("x", null, null, List.of(a, arm("b", "exploit")), "short"), "salt",
                        "salt must be 8 to 64 letters, digits, '-' or '_'"),
                Arguments.of(new Definition("x", null, null, List.of(a, arm("b", "exploit")), "has spaces here"), "salt", null),
                Arguments.of(new Definition("x", null, null, List.of(a, arm("b", "exploit")), "s".repeat(65)), "salt", null));
    }

    @ParameterizedTest(name = "[{index}] field {1}")
    @MethodSource("refusals")
    void invalidDefinitionsAreRefusedNamingTheField(Definition d, String field, String message) {
        Refusal r = assertThrows(Refusal.class, () -> validator.validate(d));
        assertEquals(Refusal.Kind.INVALID, r.kind());
        assertEquals(field, r.field(), r.getMessage());
        if (message != null) {
            assertEquals(message, r.getMessage());
        }
    }
}
