package io.elicitor.session.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.elicitor.catalog.ItemFilter;
import io.elicitor.evoi.belief.BeliefSettings;
import io.elicitor.session.state.SessionState.AnsweredQuery;
import io.elicitor.session.state.SessionState.PendingQuery;
import io.elicitor.session.state.SessionState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Live session states in Redis, a cache of the PostgreSQL log. Three keys per session share one hash slot
 * (the {@code {sessionId}} hash tag), so a script may touch them together on Redis Cluster:
 * {@code elicitor:{id}:version}, {@code elicitor:{id}:state} (JSON: everything but the belief) and
 * {@code elicitor:{id}:posterior} (binary, {@link BeliefCodec}). A Lua script writes all three only if
 * the new version is newer than the cached one, so a slow writer never puts an older state over a newer
 * one; every write renews the TTL.
 */
public final class SessionCache {
    /**
     * Longest a cache command may take before it counts as failed and the store falls back to the log: a Redis that
     * hangs (a client-side pool deadlock once did, in cluster mode) must cost a request seconds, never forever.
     */
    static final Duration DEADLINE = Duration.ofSeconds(3);
    private static final String PUT_IF_NEWER = """
            local cur = tonumber(redis.call('GET', KEYS[1]) or '-1')
            if tonumber(ARGV[1]) <= cur then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[4])
            redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[4])
            redis.call('SET', KEYS[3], ARGV[3], 'PX', ARGV[4])
            return 1
            """;

    /** The JSON part of a cached state. Times are kept as ISO text; {@code params} are the belief settings. */
    record Snapshot(String sessionId, String catalogId, String catalogVersion, int slateSize,
                    SessionState.QuerySettings queries, String strategy,
                    String userKey, long seed, BeliefSettings params, SessionState.Assignment assignment, long version, String createdAt, String updatedAt,
                    ItemFilter filter, PendingQuery pending, List<AnsweredQuery> answers) {}

    private final Redis redis;
    private final ObjectMapper json;
    private final Duration ttl;

    /** A cache on {@code redis} whose entries live {@code ttl} after their last write. */
    public SessionCache(Redis redis, ObjectMapper json, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, got " + ttl);
        }
        this.redis = redis;
        this.json = json;
        this.ttl = ttl;
    }

    /** The key of one part of a session's state. */
    static String key(String sessionId, String part) {
        return "elicitor:{" + sessionId + "}:" + part;
    }

    /**
     * The cached state, or empty when Redis does not have it (never cached, expired, evicted, flushed). An entry
     * this cache cannot use (an older belief format written by an earlier version of the service, parts that
     * disagree on the version, or unreadable bytes) is dropped: the caller rebuilds the state from the log, and
     * only a dropped entry lets that state be cached again, since a put writes over older versions alone and the
     * unusable entry holds the same one. Unreadable bytes are also reported, as a failure, after the drop.
     */
    public Uni<Optional<SessionState>> get(String sessionId) {
        Request mget = Request.cmd(Command.MGET).arg(key(sessionId, "version")).arg(key(sessionId, "state"))
                .arg(key(sessionId, "posterior"));
        return redis.send(mget).ifNoItem().after(DEADLINE).fail().flatMap(r -> {
            if (r == null || r.size() < 3 || r.get(0) == null || r.get(1) == null || r.get(2) == null) {
                return Uni.createFrom().item(Optional.<SessionState>empty());
            }
            Optional<SessionState> state;
            try {
                state = decode(r);
            } catch (RuntimeException unreadable) {
                return evict(sessionId).chain(() -> Uni.createFrom().<Optional<SessionState>>failure(unreadable));
            }
            return state.isPresent() ? Uni.createFrom().item(state) : evict(sessionId).replaceWith(state);
        });
    }

    /** The state the three parts hold; empty when they are of an older format or disagree on the version. */
    private Optional<SessionState> decode(Response r) {
        byte[] belief = r.get(2).toBytes();
        if (!BeliefCodec.isCurrent(belief)) {
            return Optional.empty();
        }
        long version = r.get(0).toLong();
        Snapshot s = read(r.get(1));
        if (s.version() != version) {
            return Optional.empty();
        }
        return Optional.of(new SessionState(s.sessionId(), s.catalogId(), s.catalogVersion(), s.slateSize(), s.queries(),
                s.strategy(), s.userKey(), s.seed(), s.params(), s.assignment(), s.version(), Instant.parse(s.createdAt()),
                Instant.parse(s.updatedAt()), s.filter(), BeliefCodec.decode(belief), s.pending(), s.answers()));
    }

    /** Caches a state unless a newer version is cached; true when written. */
    public Uni<Boolean> put(SessionState s) {
        Snapshot snap = new Snapshot(s.sessionId(), s.catalogId(), s.catalogVersion(), s.slateSize(), s.queries(),
                s.strategy(),
                s.userKey(), s.seed(), s.beliefSettings(), s.assignment(), s.version(), s.createdAt().toString(), s.updatedAt().toString(),
                s.filter(), s.pending(), s.answers());
        byte[] state;
        try {
            state = json.writeValueAsBytes(snap);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write session state as JSON", e);
        }
        Request eval = Request.cmd(Command.EVAL).arg(PUT_IF_NEWER).arg(3)
                .arg(key(s.sessionId(), "version")).arg(key(s.sessionId(), "state")).arg(key(s.sessionId(), "posterior"))
                .arg(Long.toString(s.version())).arg(Buffer.buffer(state))
                .arg(Buffer.buffer(BeliefCodec.encode(s.belief()))).arg(Long.toString(ttl.toMillis()));
        return redis.send(eval).ifNoItem().after(DEADLINE).fail().map(r -> r != null && r.toInteger() == 1);
    }

    /** Drops a session's cached state. */
    public Uni<Void> evict(String sessionId) {
        Request del = Request.cmd(Command.DEL).arg(key(sessionId, "version")).arg(key(sessionId, "state"))
                .arg(key(sessionId, "posterior"));
        return redis.send(del).ifNoItem().after(DEADLINE).fail().replaceWithVoid();
    }

    private Snapshot read(Response r) {
        try {
            return json.readValue(r.toBytes(), Snapshot.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable cached session state", e);
        }
    }
}
