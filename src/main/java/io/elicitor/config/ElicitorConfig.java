package io.elicitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The service's configuration ({@code elicitor.*} keys; environment variables {@code ELICITOR_*}). */
@ConfigMapping(prefix = "elicitor")
public interface ElicitorConfig {
    /** Session store: {@code memory} (default) or {@code durable} (Redis + PostgreSQL). */
    @WithDefault("memory")
    String store();

    /** API key admin endpoints require in the {@code X-Admin-Key} header; without one they refuse every call. */
    Optional<String> adminKey();

    /**
     * A file holding the admin key (a mounted Secret, say): read at start, trailing newline dropped. Preferred to
     * {@link #adminKey()}, which would show in the process's environment; setting both is refused.
     */
    Optional<java.nio.file.Path> adminKeyFile();

    /**
     * A file holding the secret that signs session tokens (the bearer that lets a user export or delete their
     * session). Replicas must share it; without it each process draws its own, so tokens die with the process.
     */
    Optional<java.nio.file.Path> sessionTokenSecretFile();

    /** Catalog folders to load at start, besides the bundled sample catalog. */
    Optional<List<String>> catalogs();

    /** Load the bundled sample catalog ({@code cars}). */
    @WithDefault("true")
    boolean bundledCatalog();

    /** Catalogs with more items than this get an approximate (jvector) inner-product index; smaller ones exact search. */
    @WithDefault("200000")
    int annThreshold();

    /** Catalog used when a session names none. */
    @WithDefault("cars")
    String defaultCatalog();

    /** Strategy of item and mixed sessions that name none: greedy EUS, the best or level on real answers (README). */
    @WithDefault("greedy-eus")
    String defaultStrategy();

    /** Strategy of partial-question sessions that name none: gradient, built for continuous values (README). */
    @WithDefault("gradient")
    String defaultPartialStrategy();

    /** Most slates the exhaustive strategy scores per query (all pairs of the top 63 items by default). */
    @WithDefault("2000")
    long exhaustiveMaxSlates();

    /** Default slate size k. */
    @WithDefault("2")
    int defaultSlateSize();

    /** Inverse temperature λ of the logit choice model. */
    @WithDefault("2.0")
    double lambda();

    /** Monte Carlo particles M per session. */
    @WithDefault("1024")
    int particles();

    /** Candidate pool: items taken by posterior mean. */
    @WithDefault("64")
    int poolMeanTop();

    /** Candidate pool: Thompson samples whose best item joins. */
    @WithDefault("32")
    int poolSamples();

    /** Stop when the best query's EVOI is below this fraction of the utility scale (chosen on real answers: README). */
    @WithDefault("0.0005")
    double stopEvoiFraction();

    /** Stop when the probability that the top item is best reaches this (chosen on real answers: README). */
    @WithDefault("0.99")
    double stopConfidence();

    /** Metropolis–Hastings sweeps after each resampling. */
    @WithDefault("3")
    int rejuvenationSteps();

    /** Recommendations returned with each answer. */
    @WithDefault("10")
    int answerRecommendations();

    /** Threads for the maths; requests beyond these queue. Default: one per core. */
    Optional<Integer> mathThreads();

    /** Requests allowed to wait for a maths thread before new ones are refused with 503. */
    @WithDefault("256")
    int mathQueue();

    /** Sessions idle longer than this are dropped (in memory) or expire from the Redis cache (durable; the log keeps them). */
    @WithDefault("24h")
    Duration sessionTtl();

    /** Most sessions the in-memory store keeps. */
    @WithDefault("100000")
    int memoryMaxSessions();

    /**
     * Heap the in-memory store's sessions may take, in bytes, by their estimate ({@code SessionState.heapEstimate});
     * beyond it new sessions get 503. Default: half of {@code -Xmx}.
     */
    java.util.OptionalLong memoryMaxBytes();

    /** The per-client limit on new sessions. */
    SessionRate sessionRate();

    /** A token bucket per client address: {@code burst} sessions at once, refilled at {@code perMinute}. */
    interface SessionRate {
        /** New sessions a client may create per minute, sustained; 0 turns the limit off. */
        @WithDefault("120")
        int perMinute();

        /** New sessions a client may create at once. */
        @WithDefault("30")
        int burst();
    }
}
