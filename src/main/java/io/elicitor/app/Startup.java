package io.elicitor.app;

import io.elicitor.catalog.CatalogRegistry;
import io.elicitor.evoi.planner.EngineSettings;
import io.elicitor.session.store.SessionStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** At start: warms ND4J up and says in the log which store, catalogs and λ the service runs with. */
@Singleton
public class Startup {
    private static final Logger LOG = Logger.getLogger(Startup.class);

    void onStart(@Observes StartupEvent event, SessionStore store, CatalogRegistry catalogs, EngineSettings settings) {
        long t0 = System.nanoTime();
        // The first ND4J call unpacks and loads native code (seconds): pay it now, not on the first request.
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.rand(DataType.FLOAT, 64, 8).mmul(Nd4j.rand(DataType.FLOAT, 8, 4));
        LOG.infof("ND4J backend %s ready in %d ms (OMP_NUM_THREADS=%s)", Nd4j.getBackend().getClass().getSimpleName(),
                (System.nanoTime() - t0) / 1_000_000, System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        LOG.infof("session store: %s", store.description());
        String lambdas = catalogs.all().stream().map(e -> e.catalog().id() + " v" + e.catalog().version() + " "
                + (e.catalog().lambda().isPresent() ? "lambda=" + e.catalog().lambda().getAsDouble() + " (manifest)"
                        : "lambda=" + settings.lambda() + " (default)")).collect(Collectors.joining(", "));
        LOG.infof("engine: particles=%d, default lambda=%s; catalogs loaded: %s", settings.particles(), settings.lambda(), lambdas);
    }
}
