package io.elicitor.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the local three-master Redis Cluster of {@code sessions/redis-cluster.sh} (redis-server with
 * {@code --cluster-enabled yes}, joined by {@code redis-cli --cluster create}) before the application, and points the
 * application's Redis client at it.
 */
public class RedisClusterResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        try {
            Commands.run("sessions/redis-cluster.sh", "start");
            String hosts = Commands.run("sessions/redis-cluster.sh", "hosts");
            return Map.of("quarkus.redis.client-type", "cluster", "quarkus.redis.hosts", hosts);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the local Redis Cluster", e);
        }
    }

    @Override
    public void stop() {
        try {
            Commands.run("sessions/redis-cluster.sh", "stop");
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the local Redis Cluster", e);
        }
    }
}
