package io.elicitor.simulation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pairs this run's users with an earlier run's, strategy by strategy: the same strategy before and after a
 * code change, on another machine, or with other engine settings, compared user by user with a 95% interval
 * instead of by two overlapping intervals.
 *
 * <p>Pairing is only valid when both runs simulated the same users with the same seeds for the same number
 * of answers, so each run records a {@link #fingerprint} of what decides those, and a comparison of runs
 * whose fingerprints differ is refused.
 */
public final class RunComparison {
    private RunComparison() {}

    /**
     * A fingerprint of what decides the users and their random streams: the catalog (id and version, which
     * fix the prior), the content of the users file (if any) and how many of its users were taken, how many
     * users were drawn from the prior, the seed and the number of answers T (SHA-256, hex). Deliberately not
     * the users' float bits: users drawn from the prior come out of a matrix product, whose last bits differ
     * between CPUs' BLAS kernels, and comparing machines is one of the things a comparison is for.
     */
    public static String fingerprint(String catalogId, String catalogVersion, Path usersFile, Integer maxUsers,
                                     int syntheticUsers, long seed, int queries) throws IOException {
        String users = usersFile == null ? "-" : sha256(Files.readAllBytes(usersFile));
        String description = String.join("\n", "catalog=" + catalogId, "version=" + catalogVersion, "users=" + users,
                "maxUsers=" + maxUsers, "synthetic=" + syntheticUsers, "seed=" + seed, "queries=" + queries);
        return sha256(description.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Regret differences up to this are float noise in a curve, not a different path. */
    public static final double SAME_PATH = 1e-6;

    /**
     * For every strategy in both runs, how many users finished in both have curves that differ by more than
     * {@link #SAME_PATH} at some t: users whose questions or recommendations changed, not just their last bits.
     */
    public static Map<String, Integer> changedUsers(Map<String, double[][]> now, Map<String, double[][]> earlier) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Map.Entry<String, double[][]> e : now.entrySet()) {
            double[][] before = earlier.get(e.getKey());
            if (before == null || before.length != e.getValue().length) {
                continue;
            }
            int changed = 0;
            for (int u = 0; u < before.length; u++) {
                double[] a = e.getValue()[u];
                double[] b = before[u];
                if (a != null && b != null && differ(a, b)) {
                    changed++;
                }
            }
            out.put(e.getKey(), changed);
        }
        return out;
    }

    private static boolean differ(double[] a, double[] b) {
        if (a.length != b.length) {
            return true;
        }
        for (int t = 0; t < a.length; t++) {
            if (Math.abs(a[t] - b[t]) > SAME_PATH) {
                return true;
            }
        }
        return false;
    }

    /**
     * For every strategy in both runs, this run's regret minus the earlier run's over the users finished in
     * both, in user order ({@code earlierName:strategy} as the reference). Strategies in only one run, or with
     * no user finished in both, are left out.
     *
     * @throws IllegalArgumentException when the runs hold different numbers of users
     */
    public static Map<String, PairedDifference> against(Map<String, double[][]> now, Map<String, double[][]> earlier,
                                                        String earlierName) {
        Map<String, PairedDifference> out = new LinkedHashMap<>();
        for (Map.Entry<String, double[][]> e : now.entrySet()) {
            double[][] before = earlier.get(e.getKey());
            if (before != null) {
                PairedDifference.overFinished(earlierName + ":" + e.getKey(), before, e.getValue())
                        .ifPresent(d -> out.put(e.getKey(), d));
            }
        }
        return out;
    }
}
