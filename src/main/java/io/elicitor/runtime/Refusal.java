package io.elicitor.runtime;

/** A request the session service refuses, with the kind of refusal and the request field at fault. */
public final class Refusal extends RuntimeException {
    /**
     * Why the request was refused; the API maps each to an HTTP status. {@code NOT_ENABLED} is a feature this
     * deployment does not have (experiments without PostgreSQL): a 404, not a 503, because retrying cannot help and an
     * outage alert would be false. {@code TOO_MANY} is a client over its rate limit (429).
     */
    public enum Kind { INVALID, UNAUTHORIZED, NOT_FOUND, NOT_ENABLED, CONFLICT, TOO_MANY, UNAVAILABLE }

    private final Kind kind;
    private final String field;
    private final long retryAfterSeconds;

    /** A refusal; {@code field} may be null when no single field is at fault. */
    public Refusal(Kind kind, String field, String message) {
        this(kind, field, message, 1);
    }

    /** A refusal telling the client when to retry (429 and 503 carry it as {@code Retry-After}). */
    public Refusal(Kind kind, String field, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds a client should wait before retrying; meaningful for {@code TOO_MANY} and {@code UNAVAILABLE}. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
