package io.elicitor.api;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The Redis the application under test uses, a single server or a cluster (per {@code quarkus.redis.client-type} and
 * {@code quarkus.redis.hosts}), driven from outside the application: flush every node, stop and start it all, count
 * keys, or open a second client as another replica would.
 */
final class RedisUnderTest {
    private RedisUnderTest() {}

    static boolean cluster() {
        return "cluster".equalsIgnoreCase(ConfigProvider.getConfig()
                .getOptionalValue("quarkus.redis.client-type", String.class).orElse("standalone"));
    }

    static List<String> hosts() {
        return Arrays.asList(ConfigProvider.getConfig().getValue("quarkus.redis.hosts", String.class).split(","));
    }

    static List<String> ports() {
        List<String> ports = new ArrayList<>();
        for (String h : hosts()) {
            ports.add(h.substring(h.lastIndexOf(':') + 1).replaceAll("\\D.*", ""));
        }
        return ports;
    }

    /** FLUSHALL on every node (a cluster client would send it to one). */
    static void flushAll() throws IOException, InterruptedException {
        for (String p : ports()) {
            Commands.run("redis-cli", "-p", p, "flushall");
        }
    }

    /** Stops every node, losing its data. */
    static void shutdownAll() throws IOException, InterruptedException {
        for (String p : ports()) {
            Commands.run("redis-cli", "-p", p, "shutdown", "nosave");
        }
    }

    /** Starts what {@link #shutdownAll()} stopped; a cluster's nodes rejoin from their saved configuration. */
    static void startAll() throws IOException, InterruptedException {
        if (cluster()) {
            Commands.run("sessions/redis-cluster.sh", "start");
        } else {
            Commands.run("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", ports().get(0),
                    "--save", "", "--appendonly", "no", "--dir", "/var/lib/redis", "--logfile", "/var/log/redis/ci.log");
        }
    }

    /** How many of {@code keys} exist (keys of one session share a hash slot, so one node answers). */
    static String exists(String... keys) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-c", "-p", ports().get(0), "--raw", "exists"));
        command.addAll(List.of(keys));
        return Commands.run(command.toArray(String[]::new));
    }

    /** A client of its own, as a second replica would open. */
    static Redis client(Vertx vertx) {
        RedisOptions options = new RedisOptions().setType(cluster() ? RedisClientType.CLUSTER
                : RedisClientType.STANDALONE);
        hosts().forEach(options::addConnectionString);
        return Redis.createClient(vertx, options);
    }
}
