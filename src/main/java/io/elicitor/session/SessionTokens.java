package io.elicitor.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bearer token of a session: HMAC-SHA256 of the session id under the service's secret, handed to whoever created
 * the session and required (besides the admin key) to export or delete it. Derived, not stored, so it costs no
 * schema and every replica holding the secret checks it; a leaked token opens one session, never another.
 */
public final class SessionTokens {
    private final SecretKeySpec key;

    /** Tokens signed with {@code secret} (at least 16 bytes of it). */
    public SessionTokens(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("a session token secret needs at least 16 bytes, got " + secret.length);
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** Tokens under a secret drawn now: they stop working when this process ends. */
    public static SessionTokens ephemeral() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new SessionTokens(secret);
    }

    /** The token of {@code sessionId}: 43 base64url characters. */
    public String issue(String sessionId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(sessionId));
    }

    /** Whether {@code token} is the token of {@code sessionId}, compared in constant time. */
    public boolean matches(String sessionId, String token) {
        if (token == null || sessionId == null) {
            return false;
        }
        return MessageDigest.isEqual(issue(sessionId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(String sessionId) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m.doFinal(sessionId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
