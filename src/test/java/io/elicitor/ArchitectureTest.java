package io.elicitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The structure the code promises, read from the sources: packages stack without an import running back up,
 * the engine imports nothing of the project outside itself and no framework, every file is short enough to
 * read, and every package says what it holds.
 */
class ArchitectureTest {
    /** Bottom to top: a package may import only packages before it (and itself). */
    private static final List<String> FLOORS = List.of(
            "evoi", "evoi.belief", "evoi.value", "evoi.strategy", "evoi.gradient", "evoi.partial", "evoi.planner", "evoi.explain",
            "config", "runtime", "catalog", "catalog.embed",
            "session.state", "session.store", "session", "simulation", "simulation.people", "experiment",
            "cli", "app", "api");
    private static final Path MAIN = Path.of("src/main/java/io/elicitor");
    private static final Pattern PROJECT_TYPE = Pattern.compile("(?<![\\w.])io\\.elicitor\\.((?:[a-z]\\w*\\.)*)[A-Z]");
    private static final Pattern FRAMEWORK = Pattern.compile(
            "^import (?:static )?(io\\.quarkus|io\\.vertx|io\\.smallrye|jakarta|org\\.jboss|io\\.micrometer)\\.", Pattern.MULTILINE);

    @Test
    void noPackageImportsOneAboveIt() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<Path, String> f : sources().entrySet()) {
            String pkg = packageOf(f.getKey());
            int floor = FLOORS.indexOf(pkg);
            assertTrue(floor >= 0, "package " + pkg + " has no floor in ArchitectureTest.FLOORS");
            for (String used : imported(f.getValue())) {
                int other = FLOORS.indexOf(used);
                if (!used.equals(pkg) && (other < 0 || other > floor)) {
                    violations.add(MAIN.relativize(f.getKey()) + " (" + pkg + ") uses " + used);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theEngineImportsNoFramework() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<Path, String> f : sources().entrySet()) {
            Matcher m = FRAMEWORK.matcher(f.getValue());
            if (packageOf(f.getKey()).startsWith("evoi") && m.find()) {
                violations.add(MAIN.relativize(f.getKey()) + " imports " + m.group(1));
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void everyFileIsAtMost300Lines() throws IOException {
        List<String> long_ = new ArrayList<>();
        for (Map.Entry<Path, String> f : sources().entrySet()) {
            long lines = f.getValue().lines().count();
            if (lines > 300) {
                long_.add(MAIN.relativize(f.getKey()) + ": " + lines);
            }
        }
        assertEquals(List.of(), long_);
    }

    @Test
    void everyPackageHasItsOwnDescription() throws IOException {
        TreeSet<Path> folders = new TreeSet<>();
        sources().keySet().forEach(p -> folders.add(p.getParent()));
        List<Path> undescribed = folders.stream().filter(d -> !Files.exists(d.resolve("package-info.java"))).toList();
        assertEquals(List.of(), undescribed);
    }

    /** The project packages a source file names, by import or fully qualified use, relative to io.elicitor. */
    private static TreeSet<String> imported(String source) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = PROJECT_TYPE.matcher(source);
        while (m.find()) {
            String pkg = m.group(1);
            out.add(pkg.isEmpty() ? "" : pkg.substring(0, pkg.length() - 1));
        }
        return out;
    }

    private static String packageOf(Path file) {
        return MAIN.relativize(file.getParent()).toString().replace(java.io.File.separatorChar, '.');
    }

    private static Map<Path, String> sources() throws IOException {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(MAIN)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).toList()) {
                out.put(p, Files.readString(p));
            }
        }
        return out;
    }
}
