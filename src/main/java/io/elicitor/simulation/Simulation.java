package io.elicitor.simulation;

import io.elicitor.evoi.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs every strategy on the same simulated users (paired: the same session and answer seeds per user),
 * users in parallel, and keeps the finished traces so that a partial result can be written at any time.
 */
public final class Simulation {
    private final UserRunner runner;
    private final List<SimulatedUser> users;
    private final List<String> strategies;
    private final long seed;
    private final int threads;
    private final Map<String, UserTrace[]> done = new LinkedHashMap<>();

    /** A simulation of {@code users} under each of {@code strategies}. */
    public Simulation(UserRunner runner, List<SimulatedUser> users, List<String> strategies, long seed, int threads) {
        if (users.isEmpty() || strategies.isEmpty() || threads < 1) {
            throw new IllegalArgumentException("need at least one user, one strategy and one thread");
        }
        this.runner = runner;
        this.users = List.copyOf(users);
        this.strategies = List.copyOf(strategies);
        this.seed = seed;
        this.threads = threads;
        for (String s : strategies) {
            done.put(s, new UserTrace[users.size()]);
        }
    }

    /** Session seed of user {@code u}: the same for every strategy. */
    public long sessionSeed(int u) {
        return Seeds.mix(seed, u);
    }

    /** Answer seed of user {@code u}: the same for every strategy. */
    public long answerSeed(int u) {
        return Seeds.mix(seed ^ 0x5DEECE66DL, u);
    }

    /**
     * Runs everything; {@code onUser} is called after each finished user, {@code onStrategy} after each
     * strategy. The first failure stops the run and is rethrown.
     */
    public void run(Runnable onUser, Consumer<String> onStrategy) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "simulate");
            t.setDaemon(true);
            return t;
        });
        try {
            for (String strategy : strategies) {
                List<Future<?>> futures = new ArrayList<>(users.size());
                for (int u = 0; u < users.size(); u++) {
                    int user = u;
                    futures.add(pool.submit(() -> {
                        UserTrace trace = runner.run(users.get(user), strategy, sessionSeed(user), answerSeed(user));
                        UserTrace[] slots = done.get(strategy);
                        synchronized (slots) {
                            slots[user] = trace;
                        }
                        onUser.run();
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                onStrategy.accept(strategy);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Summaries of what has finished so far, by strategy (strategies with no finished user are left out).
     * Users are aggregated in their order, whatever order the threads finished in, so sums reproduce.
     */
    public Map<String, StrategySummary> summaries() {
        Map<String, StrategySummary> out = new LinkedHashMap<>();
        for (String s : strategies) {
            List<UserTrace> finished = new ArrayList<>();
            for (UserTrace t : snapshot(s)) {
                if (t != null) {
                    finished.add(t);
                }
            }
            if (!finished.isEmpty()) {
                out.put(s, StrategySummary.of(finished));
            }
        }
        return out;
    }

    /**
     * Each other strategy's regret minus the first strategy's, over the users finished under both, in user
     * order (strategies with no such user are left out).
     */
    public Map<String, PairedDifference> pairedDifferences() {
        Map<String, PairedDifference> out = new LinkedHashMap<>();
        for (String s : strategies.subList(1, strategies.size())) {
            paired(strategies.get(0), s).ifPresent(d -> out.put(s, d));
        }
        return out;
    }

    /**
     * Each strategy run with a planning factor ({@code name@factor}) minus the same strategy without it, when
     * both are in this run: what planning with a sharper λ bought that strategy, user by user.
     */
    public Map<String, PairedDifference> pairedWithPlain() {
        Map<String, PairedDifference> out = new LinkedHashMap<>();
        for (String s : strategies) {
            int at = s.lastIndexOf('@');
            if (at > 0 && strategies.contains(s.substring(0, at))) {
                paired(s.substring(0, at), s).ifPresent(d -> out.put(s, d));
            }
        }
        return out;
    }

    /**
     * Each strategy's regret curve {@code r_0..r_T} user by user, in user order, {@code null} for users not
     * finished yet: what a later run needs to pair its users with this run's ({@link RunComparison}).
     */
    public Map<String, double[][]> regretsByUser() {
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (String s : strategies) {
            out.put(s, curves(s));
        }
        return out;
    }

    /** {@code strategy} minus {@code reference} over the users finished under both, if any. */
    private java.util.Optional<PairedDifference> paired(String reference, String strategy) {
        return PairedDifference.overFinished(reference, curves(reference), curves(strategy));
    }

    /** One strategy's regret curves in user order, {@code null} for users not finished yet. */
    private double[][] curves(String strategy) {
        UserTrace[] traces = snapshot(strategy);
        double[][] out = new double[traces.length][];
        for (int u = 0; u < traces.length; u++) {
            out[u] = traces[u] == null ? null : traces[u].regret();
        }
        return out;
    }

    private UserTrace[] snapshot(String strategy) {
        UserTrace[] slots = done.get(strategy);
        synchronized (slots) {
            return slots.clone();
        }
    }

    /** Whether every strategy has every user. */
    public boolean complete() {
        for (UserTrace[] slots : done.values()) {
            synchronized (slots) {
                for (UserTrace t : slots) {
                    if (t == null) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
