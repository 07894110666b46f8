package io.elicitor.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns the one switch {@code elicitor.store} into the Quarkus settings it implies, so that operators set
 * {@code ELICITOR_STORE=durable} and nothing else: with {@code memory} (the default) the PostgreSQL
 * datasources and the Redis client are inactive and nothing tries to reach them; with {@code durable}
 * they are active and Flyway migrates at start. Its ordinal is low, so any of these keys set explicitly
 * (for example a test profile) still wins.
 */
public final class StoreModeConfigSourceFactory implements ConfigSourceFactory {
    static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue store = context.getValue("elicitor.store");
        boolean durable = store != null && "durable".equalsIgnoreCase(store.getValue());
        String active = Boolean.toString(durable);
        return List.of(new PropertiesConfigSource(Map.of(
                "quarkus.datasource.active", active,
                "quarkus.hibernate-orm.active", active,
                "quarkus.redis.active", active,
                "quarkus.flyway.active", active,
                "quarkus.flyway.migrate-at-start", active), "elicitor-store-mode", ORDINAL));
    }
}
