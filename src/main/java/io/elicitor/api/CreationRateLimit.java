package io.elicitor.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.elicitor.config.ElicitorConfig;
import io.elicitor.runtime.Refusal;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Per-client limit on {@code POST /sessions}: a token bucket per client address ({@code elicitor.session-rate.*}),
 * so one client cannot fill the store or the maths pool with sessions; over it, 429 with {@code Retry-After}. Behind
 * a load balancer the client address is the forwarded one only when Quarkus's proxy forwarding is enabled
 * ({@code quarkus.http.proxy.*}); otherwise every client shares the balancer's bucket.
 */
@ApplicationScoped
public class CreationRateLimit {
    /** Most client addresses tracked at once; the least recently seen are forgotten (their bucket refills anyway). */
    static final long MAX_CLIENTS = 100_000;

    @Inject
    ElicitorConfig config;

    private Cache<String, Bucket> buckets;
    private Bandwidth bandwidth;

    @PostConstruct
    void configure() {
        int perMinute = config.sessionRate().perMinute();
        int burst = config.sessionRate().burst();
        if (perMinute < 0 || burst < 1) {
            throw new IllegalArgumentException("elicitor.session-rate.per-minute must be >= 0 (0: no limit) and"
                    + " elicitor.session-rate.burst >= 1");
        }
        if (perMinute > 0) {
            bandwidth = Bandwidth.builder().capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
            buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(Duration.ofMinutes(10)).build();
        }
    }

    /** Takes one creation from {@code client}'s bucket, or refuses with 429 and the seconds until the next one. */
    public void take(String client) {
        if (buckets == null) {
            return;
        }
        Bucket bucket = buckets.get(client == null ? "?" : client, c -> Bucket.builder().addLimit(bandwidth).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new Refusal(Refusal.Kind.TOO_MANY, null, "too many new sessions from this client: at most "
                    + config.sessionRate().perMinute() + " a minute (bursts of " + config.sessionRate().burst()
                    + "); retry in " + seconds + " s", seconds);
        }
    }
}
