package io.elicitor.session.store;

import io.elicitor.session.state.SessionState;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * Where session states live. Every write is a compare-and-set on the state's version, so two requests
 * racing on one session cannot both apply: the loser sees {@code false} and re-reads.
 */
public interface SessionStore {
    /** One line for logs and health: which store this is and what it keeps. */
    String description();

    /** The state of a session, or empty when unknown (or expired). */
    Uni<Optional<SessionState>> find(String sessionId);

    /** Stores a new session; fails if the id exists. */
    Uni<Void> insert(SessionState state);

    /**
     * Removes a session and everything it recorded (a user's request to erase their data); true when there was one.
     * Afterwards {@link #find} answers empty, here and on every replica.
     */
    Uni<Boolean> delete(String sessionId);

    /** Replaces the state iff the stored version equals {@code expectedVersion}; true when it did. */
    Uni<Boolean> replace(long expectedVersion, SessionState next);
}
