package io.elicitor.experiment;

import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.config.ElicitorConfig;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.runtime.Refusal;
import io.elicitor.runtime.Refusal.Kind;
import io.elicitor.session.QuerySettling;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Checks a {@link Definition} and turns it into a new running {@link Experiment}, or refuses it with a
 * {@link Refusal} naming the field at fault ({@code arms[1].params.lambda}). No database: it only asks the
 * catalog and strategy registries what exists.
 */
@Singleton
public final class DefinitionValidator {
    private final CatalogRegistry catalogs;
    private final StrategyRegistry strategies;
    private final String defaultCatalog;
    private final SecureRandom random = new SecureRandom();

    /** A validator that fills a missing catalog with {@code defaultCatalog}. */
    public DefinitionValidator(CatalogRegistry catalogs, StrategyRegistry strategies, String defaultCatalog) {
        this.catalogs = catalogs;
        this.strategies = strategies;
        this.defaultCatalog = defaultCatalog;
    }

    @Inject
    DefinitionValidator(CatalogRegistry catalogs, StrategyRegistry strategies, ElicitorConfig config) {
        this(catalogs, strategies, config.defaultCatalog());
    }

    /** A new running experiment from {@code d}, with a fresh id and, unless given, a random salt. */
    public Experiment validate(Definition d) {
        if (d == null) {
            throw new Refusal(Kind.INVALID, null, "a JSON body {name, unit, arms} is required");
        }
        if (d.name() == null || d.name().isBlank() || d.name().length() > 200) {
            throw new Refusal(Kind.INVALID, "name", "name must be 1 to 200 characters");
        }
        String catalog = d.catalog() == null ? defaultCatalog : d.catalog();
        if (catalogs.latest(catalog).isEmpty()) {
            throw new Refusal(Kind.INVALID, "catalog", "unknown catalog '" + catalog + "'; loaded: " + catalogs.ids());
        }
        String unit = d.unit() == null ? "session" : d.unit();
        if (!unit.equals("session") && !unit.equals("userKey")) {
            throw new Refusal(Kind.INVALID, "unit", "unit must be 'session' or 'userKey', got '" + unit + "'");
        }
        if (d.arms() == null || d.arms().size() < 2 || d.arms().size() > 10) {
            throw new Refusal(Kind.INVALID, "arms", "an experiment needs 2 to 10 arms");
        }
        Set<String> names = new HashSet<>();
        List<Arm> arms = new ArrayList<>();
        for (int i = 0; i < d.arms().size(); i++) {
            Arm a = arm(d.arms().get(i), "arms[" + i + "]", names);
            String f = "arms[" + i + "]";
            // The session's own rules for questions, with the arm's fields named.
            QuerySettling.check(catalogs.latest(catalog).orElseThrow(), a.params().queryKind(),
                    a.params().partialAttributes(), a.params().slateSize(), a.strategy(), false,
                    name -> name.equals("strategy") ? f + ".strategy" : f + ".params." + name);
            arms.add(a);
        }
        String salt = salt(d.salt());
        return new Experiment(UUID.randomUUID().toString(), d.name(), catalog, unit, salt, arms, "running",
                Instant.now().truncatedTo(ChronoUnit.MICROS), null);
    }

    /** The arm as stored (weight filled in); {@code names} collects the names seen so far. */
    private Arm arm(Arm a, String f, Set<String> names) {
        if (a == null) {
            throw new Refusal(Kind.INVALID, f, "arm must be an object");
        }
        if (a.name() == null || a.name().isBlank() || a.name().length() > 100 || !names.add(a.name())) {
            throw new Refusal(Kind.INVALID, f + ".name", "arm names must be 1 to 100 characters and unique");
        }
        if (a.strategy() == null || strategies.find(a.strategy()).isEmpty()) {
            throw new Refusal(Kind.INVALID, f + ".strategy", strategies.unknown(a.strategy()));
        }
        double weight = a.weight() == null ? 1.0 : a.weight();
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new Refusal(Kind.INVALID, f + ".weight", "weight must be positive and finite");
        }
        Arm.ArmParams p = a.params();
        if (p.slateSize() != null && (p.slateSize() < 2 || p.slateSize() > 6)) {
            throw new Refusal(Kind.INVALID, f + ".params.slateSize", "slateSize must be 2 to 6");
        }
        if (p.particles() != null && (p.particles() < 16 || p.particles() > 16384)) {
            throw new Refusal(Kind.INVALID, f + ".params.particles", "particles must be 16 to 16384");
        }
        if (p.lambda() != null && !(p.lambda() > 0 && p.lambda() <= 1000)) {
            throw new Refusal(Kind.INVALID, f + ".params.lambda", "lambda must be in (0, 1000]");
        }
        if (p.maxQueries() != null && (p.maxQueries() < 1 || p.maxQueries() > 1000)) {
            throw new Refusal(Kind.INVALID, f + ".params.maxQueries", "maxQueries must be 1 to 1000");
        }
        return new Arm(a.name(), a.strategy(), p, weight);
    }

    /** The given salt, checked, or a random one (hex of 16 bytes). */
    private String salt(String given) {
        if (given == null) {
            byte[] b = new byte[16];
            random.nextBytes(b);
            return HexFormat.of().formatHex(b);
        }
        if (!given.matches("[0-9A-Za-z_-]{8,64}")) {
            throw new Refusal(Kind.INVALID, "salt", "salt must be 8 to 64 letters, digits, '-' or '_'");
        }
        return given;
    }
}
