package io.elicitor.catalog;

import io.elicitor.runtime.ServiceIds;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Catalog loads that finish after the operator's request has been answered: a large catalog without a valid
 * saved index needs minutes of graph building, which must never hold a request (or a maths thread that
 * sessions wait on). One daemon thread builds them one at a time; each load has a status to poll. The
 * newest {@value #KEPT} statuses are kept. Thread-safe.
 */
public final class BackgroundLoads {
    /** Where a load stands. */
    public enum State { BUILDING, LOADED, FAILED }

    /** One load: what it loads, where it stands, and why it failed (null unless FAILED). */
    public record Status(String loadId, String path, String catalogId, String version, int itemCount, State state,
                         Instant started, Instant finished, String error) {
        Status done(State s, String why) {
            return new Status(loadId, path, catalogId, version, itemCount, s, started, Instant.now(), why);
        }
    }

    private static final int KEPT = 100;
    private final Map<String, Status> loads = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "elicitor-catalog-build");
        t.setDaemon(true);
        return t;
    });

    /** Starts {@code work} (which registers {@code catalog}) in the background and returns its BUILDING status. */
    Status start(Catalog catalog, String path, Runnable work) {
        Status s = new Status(UUID.randomUUID().toString(), path, catalog.id(), catalog.version(), catalog.size(),
                State.BUILDING, Instant.now(), null, null);
        loads.put(s.loadId(), s);
        forgetOldest();
        worker.execute(() -> {
            try {
                work.run();
                loads.computeIfPresent(s.loadId(), (k, v) -> v.done(State.LOADED, null));
            } catch (RuntimeException | OutOfMemoryError e) {
                loads.computeIfPresent(s.loadId(), (k, v) -> v.done(State.FAILED, String.valueOf(e.getMessage())));
            }
        });
        return s;
    }

    /** Whether a load of this (id, version) is still building. */
    boolean building(String catalogId, String version) {
        return loads.values().stream().anyMatch(s -> s.state() == State.BUILDING && s.catalogId().equals(catalogId)
                && s.version().equals(version));
    }

    /** One load's status. */
    public Optional<Status> find(String loadId) {
        return ServiceIds.wellFormed(loadId) ? Optional.ofNullable(loads.get(loadId)) : Optional.empty();
    }

    /** Every kept load, newest first. */
    public List<Status> all() {
        return loads.values().stream().sorted(Comparator.comparing(Status::started).reversed()).toList();
    }

    private void forgetOldest() {
        while (loads.size() > KEPT) {
            Optional<Status> oldest = loads.values().stream().filter(s -> s.state() != State.BUILDING)
                    .min(Comparator.comparing(Status::started));
            if (oldest.isEmpty()) {
                return; // every kept load is still building: keep them all
            }
            loads.remove(oldest.get().loadId());
        }
    }
}
