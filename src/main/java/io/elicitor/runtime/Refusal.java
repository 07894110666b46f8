package io.elicitor.runtime;

/** A request the session service refuses, with the kind of refusal and the request field at fault. */
public final class Refusal extends RuntimeException {
    /** Why the request was refused; the API maps each to an HTTP status. */
    public enum Kind { INVALID, UNAUTHORIZED, NOT_FOUND, CONFLICT, UNAVAILABLE }

    private final Kind kind;
    private final String field;

    /** A refusal; {@code field} may be null when no single field is at fault. */
    public Refusal(Kind kind, String field, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
