package io.elicitor.api;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Runs a command the tests drive servers with (psql, redis-cli, pg_ctlcluster, the cluster script). */
final class Commands {
    private Commands() {}

    /** The command's output, stripped; fails when it exits non-zero or runs past 30 s. */
    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
