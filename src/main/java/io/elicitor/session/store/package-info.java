/**
 * Where sessions live, behind {@link io.elicitor.session.store.SessionStore}: a read, an insert, and a replace
 * that is a compare-and-set on the version (two requests racing on one session cannot both apply).
 *
 * <ul>
 *   <li>{@link io.elicitor.session.store.InMemorySessionStore}: this process's memory, with an idle TTL and a cap.</li>
 *   <li>{@link io.elicitor.session.store.DurableSessionStore}: the PostgreSQL log ({@link io.elicitor.session.store.SessionLog},
 *       the truth, append-only: {@code SessionRecord}, {@code QueryRecord}, {@code AnswerRecord}) with Redis as a cache
 *       of live states ({@link io.elicitor.session.store.SessionCache}, beliefs in
 *       {@link io.elicitor.session.store.BeliefCodec}'s binary form). A stale or missing cache entry is rebuilt from
 *       the log by replay; a PostgreSQL failure is a 503 and changes nothing.</li>
 * </ul>
 * Key layout and semantics: {@code sessions/README.md}. Stores are thread-safe; the durable store's log calls
 * must run on a Vert.x context (Hibernate Reactive's rule), its replays on the maths pool.
 */
package io.elicitor.session.store;
