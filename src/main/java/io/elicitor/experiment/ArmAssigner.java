package io.elicitor.experiment;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Deterministic assignment: SHA-256 of (experiment salt, unit key) gives a uniform number in [0, 1), and the
 * arms' weights cut [0, 1) into consecutive intervals. The same unit key always lands in the same arm of
 * the same experiment (sticky users, reproducible re-runs), with no state to store or share between
 * instances; a different salt splits the same users independently.
 */
public final class ArmAssigner {
    private ArmAssigner() {}

    /** A uniform number in [0, 1) fixed by the salt and the key. */
    public static double uniform(String salt, String unitKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] h = sha.digest((salt + "\u0000" + unitKey).getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(h, 0, 8).getLong();
            return (bits >>> 11) * 0x1.0p-53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Index of the arm {@code unitKey} falls in. */
    public static int arm(String salt, String unitKey, List<Arm> arms) {
        double total = 0;
        for (Arm a : arms) {
            total += a.weight();
        }
        double u = uniform(salt, unitKey) * total;
        double c = 0;
        for (int i = 0; i < arms.size(); i++) {
            c += arms.get(i).weight();
            if (u < c) {
                return i;
            }
        }
        return arms.size() - 1;
    }
}
