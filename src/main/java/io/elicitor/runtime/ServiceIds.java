package io.elicitor.runtime;

import java.util.regex.Pattern;

/**
 * The shape of the ids this service makes (sessions, experiments, catalog loads: a random UUID in its canonical
 * 36-character form; queries: a short base64url word) and of the item ids clients send, checked before any store or
 * index sees one, so anything else is refused as a bad or unknown id. Without the check a hostile id (a
 * NUL byte, a megabyte of text) reached PostgreSQL, whose refusal came back as a 503 outage instead of a 404.
 */
public final class ServiceIds {
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private ServiceIds() {}

    /** Whether {@code id} has the shape of an id this service makes. */
    public static boolean wellFormed(String id) {
        return id != null && id.length() == 36 && CANONICAL_UUID.matcher(id).matches();
    }

    /** Longest item id accepted from a client (catalog item ids are the catalog's, not this service's, to shape). */
    public static final int MAX_ITEM_ID = 512;

    /** Whether an item id from a client is 1..{@value #MAX_ITEM_ID} characters without control characters. */
    public static boolean plausibleItemId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_ITEM_ID) {
            return false;
        }
        return id.chars().noneMatch(Character::isISOControl);
    }

    /** Longest query id accepted: this service makes them {@code q<step>-<22 base64url characters>}. */
    public static final int MAX_QUERY_ID = 64;

    private static final Pattern QUERY_ID = Pattern.compile("[A-Za-z0-9_-]+");

    /** Whether a query id from a client is 1..{@value #MAX_QUERY_ID} characters of the base64url alphabet. */
    public static boolean plausibleQueryId(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_QUERY_ID && QUERY_ID.matcher(id).matches();
    }

    /** {@code id} as safe to quote in a message: at most 40 characters, control characters escaped. */
    public static String shown(String id) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < id.length() && b.length() < 40; i++) {
            char c = id.charAt(i);
            b.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return id.length() > 40 ? b + "…" : b.toString();
    }
}
