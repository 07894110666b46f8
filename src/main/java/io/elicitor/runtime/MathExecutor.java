package io.elicitor.runtime;

import io.elicitor.evoi.EngineWorkspace;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs ND4J work on a small fixed pool, one thread per core, off the Vert.x event loop, then hands the
 * result back to the caller's Vert.x context (where reactive database clients must be used). With
 * {@code OMP_NUM_THREADS=1} parallelism comes from concurrent requests, which beats multi-threaded BLAS on
 * small products. A bounded queue gives back-pressure: when it is full the request is refused (503)
 * instead of piling up latency.
 */
public final class MathExecutor implements AutoCloseable {
    private final ThreadPoolExecutor pool;

    /** A pool of {@code threads} workers with a queue of {@code queue} waiting tasks. */
    public MathExecutor(int threads, int queue) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "elicitor-math-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code task} on a maths thread; the result is emitted on the caller's Vert.x context if any. */
    public <T> Uni<T> submit(Supplier<T> task) {
        return Uni.createFrom().deferred(() -> {
            Context ctx = Vertx.currentContext();
            CompletableFuture<T> f;
            try {
                f = CompletableFuture.supplyAsync(() -> EngineWorkspace.run(task), pool);
            } catch (RejectedExecutionException e) {
                return Uni.createFrom().failure(new Refusal(Refusal.Kind.UNAVAILABLE, null,
                        "the service is at capacity; retry shortly"));
            }
            Uni<T> uni = Uni.createFrom().completionStage(f)
                    .onFailure(java.util.concurrent.CompletionException.class).transform(Throwable::getCause);
            return ctx == null ? uni : uni.emitOn(cmd -> ctx.runOnContext(v -> cmd.run()));
        });
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
