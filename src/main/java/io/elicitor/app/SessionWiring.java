package io.elicitor.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.config.ElicitorConfig;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.evoi.strategy.ExhaustiveStrategy;
import io.elicitor.runtime.MathExecutor;
import io.elicitor.runtime.Secrets;
import io.elicitor.session.Enrolment;
import io.elicitor.session.Explanations;
import io.elicitor.session.ItemExclusions;
import io.elicitor.session.SessionCreation;
import io.elicitor.session.SessionSteps;
import io.elicitor.session.SessionTokens;
import io.elicitor.session.store.DurableSessionStore;
import io.elicitor.session.store.InMemorySessionStore;
import io.elicitor.session.store.MathReplay;
import io.elicitor.session.store.SessionCache;
import io.elicitor.session.store.SessionLog;
import io.elicitor.session.store.SessionStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.InjectableInstance;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Builds the engine settings, the strategies, the maths pool, the session store and the session steps from configuration. */
public final class SessionWiring {
    @Produces
    @Singleton
    EngineSettings settings(ElicitorConfig c) {
        return new EngineSettings(c.lambda(), c.particles(), c.poolMeanTop(), c.poolSamples(), c.stopEvoiFraction(),
                c.stopConfidence(), c.rejuvenationSteps());
    }

    @Produces
    @Singleton
    StrategyRegistry strategies(ElicitorConfig c) {
        // Exhaustive search is the quality ceiling but its cost grows as C(P, k): a live service caps it.
        return StrategyRegistry.builtIn().replacing(new ExhaustiveStrategy(c.exhaustiveMaxSlates()));
    }

    /** Gauges of how full the in-memory store is: what its 503 answers once a cap is reached. */
    private static InMemorySessionStore measured(InMemorySessionStore store, MeterRegistry meters) {
        Gauge.builder("elicitor.memory.sessions", store, InMemorySessionStore::size)
                .description("sessions held by the in-memory store").register(meters);
        Gauge.builder("elicitor.memory.sessions.dormant", store, InMemorySessionStore::dormant)
                .description("of them dormant: belief dropped, replayed when next read").register(meters);
        Gauge.builder("elicitor.memory.session.bytes", store, InMemorySessionStore::bytes)
                .description("their heap estimate, summed (capped by elicitor.memory-max-bytes)").register(meters);
        return store;
    }

    @Produces
    @Singleton
    SessionStore store(ElicitorConfig c, InjectableInstance<Redis> redis, ObjectMapper json, CatalogRegistry catalogs,
                       MathExecutor math, MeterRegistry meters) {
        return switch (c.store()) {
            case "memory" -> measured(new InMemorySessionStore(c.sessionTtl(), c.memoryMaxSessions(),
                    c.memoryMaxBytes().orElse(InMemorySessionStore.halfTheHeap()), Clock.systemUTC(),
                    new MathReplay(catalogs, math, meters)), meters);
            case "durable" -> new DurableSessionStore(new SessionLog(json),
                    new SessionCache(redis.getActive(), json, c.sessionTtl()), catalogs, math, meters);
            default -> throw new IllegalArgumentException("elicitor.store must be 'memory' or 'durable', got '"
                    + c.store() + "'");
        };
    }

    /** Signs session tokens with the configured secret, or with one drawn now (tokens then die with the process). */
    @Produces
    @Singleton
    SessionTokens tokens(ElicitorConfig c) {
        Optional<String> secret = Secrets.of("elicitor.session-token-secret", Optional.empty(),
                c.sessionTokenSecretFile());
        if (secret.isEmpty()) {
            if ("durable".equals(c.store())) {
                Logger.getLogger(SessionWiring.class).warn("no elicitor.session-token-secret-file: session tokens are"
                        + " signed with a secret drawn at start, so they stop working after a restart and on other"
                        + " replicas (the admin key still exports and deletes sessions)");
            }
            return SessionTokens.ephemeral();
        }
        return new SessionTokens(secret.get().getBytes(StandardCharsets.UTF_8));
    }

    @Produces
    @Singleton
    MathExecutor math(ElicitorConfig c) {
        int threads = c.mathThreads().orElse(Runtime.getRuntime().availableProcessors());
        return new MathExecutor(Math.max(1, threads), Math.max(1, c.mathQueue()));
    }

    void closeMath(@Disposes MathExecutor math) {
        math.close();
    }

    @Produces
    @Singleton
    ItemExclusions exclusions() {
        return new ItemExclusions();
    }

    @Produces
    @Singleton
    SessionCreation creation(CatalogRegistry catalogs, SessionStore store, MathExecutor math, StrategyRegistry strategies,
                             EngineSettings settings, ElicitorConfig config, Enrolment enrolment, ItemExclusions exclusions,
                             MeterRegistry meters) {
        return new SessionCreation(catalogs, store, math, strategies, settings, config, enrolment, exclusions, meters,
                Clock.systemUTC());
    }

    @Produces
    @Singleton
    SessionSteps steps(CatalogRegistry catalogs, SessionStore store, MathExecutor math, StrategyRegistry strategies,
                       EngineSettings settings, ElicitorConfig config, ItemExclusions exclusions, MeterRegistry meters) {
        return new SessionSteps(catalogs, store, math, strategies, settings, config, exclusions, meters, Clock.systemUTC());
    }

    @Produces
    @Singleton
    Explanations explanations(CatalogRegistry catalogs, SessionSteps steps, ItemExclusions exclusions,
                              MathExecutor math) {
        return new Explanations(catalogs, steps, exclusions, math);
    }
}
