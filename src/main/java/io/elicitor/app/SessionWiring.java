package io.elicitor.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.config.ElicitorConfig;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.evoi.planner.StrategyRegistry;
import io.elicitor.evoi.strategy.ExhaustiveStrategy;
import io.elicitor.runtime.MathExecutor;
import io.elicitor.session.Enrolment;
import io.elicitor.session.SessionService;
import io.elicitor.session.store.DurableSessionStore;
import io.elicitor.session.store.InMemorySessionStore;
import io.elicitor.session.store.SessionCache;
import io.elicitor.session.store.SessionLog;
import io.elicitor.session.store.SessionStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Builds the session service and its parts from configuration, and warms ND4J up at start. */
public final class SessionWiring {
    private static final Logger LOG = Logger.getLogger(SessionWiring.class);

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

    @Produces
    @Singleton
    SessionStore store(ElicitorConfig c, InjectableInstance<Redis> redis, ObjectMapper json, CatalogRegistry catalogs,
                       MathExecutor math, MeterRegistry meters) {
        return switch (c.store()) {
            case "memory" -> new InMemorySessionStore(c.sessionTtl(), c.memoryMaxSessions(), Clock.systemUTC());
            case "durable" -> new DurableSessionStore(new SessionLog(json),
                    new SessionCache(redis.getActive(), json, c.sessionTtl()), catalogs, math, meters);
            default -> throw new IllegalArgumentException("elicitor.store must be 'memory' or 'durable', got '"
                    + c.store() + "'");
        };
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
    SessionService service(CatalogRegistry catalogs, SessionStore store, MathExecutor math, StrategyRegistry strategies,
                           EngineSettings settings, ElicitorConfig config, MeterRegistry meters, Enrolment enrolment) {
        return new SessionService(catalogs, store, math, strategies, settings, config, meters, Clock.systemUTC(), enrolment);
    }

    void onStart(@Observes StartupEvent event, SessionService service, CatalogRegistry catalogs, EngineSettings settings) {
        long t0 = System.nanoTime();
        // The first ND4J call unpacks and loads native code (seconds): pay it now, not on the first request.
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.rand(DataType.FLOAT, 64, 8).mmul(Nd4j.rand(DataType.FLOAT, 8, 4));
        LOG.infof("ND4J backend %s ready in %d ms (OMP_NUM_THREADS=%s)", Nd4j.getBackend().getClass().getSimpleName(),
                (System.nanoTime() - t0) / 1_000_000, System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        LOG.infof("session store: %s", service.store().description());
        String lambdas = catalogs.all().stream().map(e -> e.catalog().id() + " v" + e.catalog().version() + " "
                + (e.catalog().lambda().isPresent() ? "lambda=" + e.catalog().lambda().getAsDouble() + " (manifest)"
                        : "lambda=" + settings.lambda() + " (default)")).collect(java.util.stream.Collectors.joining(", "));
        LOG.infof("engine: particles=%d, default lambda=%s; catalogs loaded: %s", settings.particles(), settings.lambda(), lambdas);
    }
}
