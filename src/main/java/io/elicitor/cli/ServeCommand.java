package io.elicitor.cli;

import io.quarkus.runtime.Quarkus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code elicitor serve}: runs the HTTP service until it is stopped. Arguments of the form {@code -Dkey=value}
 * after {@code serve} become system properties before Quarkus reads its configuration, exactly as if they had
 * been given to the JVM; anything else is passed on to Quarkus.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the HTTP service (default). Configuration comes from application.properties,"
                + " -Dkey=value arguments, JVM system properties and ELICITOR_* environment variables.")
final class ServeCommand implements Callable<Integer> {
    @Unmatched
    String[] quarkusArgs = new String[0];

    @Override
    public Integer call() {
        Quarkus.run(applySystemProperties(quarkusArgs));
        return 0;
    }

    /** Sets each {@code -Dkey=value} (or {@code -Dkey}, meaning "true") as a system property; returns the others. */
    static String[] applySystemProperties(String[] args) {
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-D") && a.length() > 2) {
                int eq = a.indexOf('=');
                String key = eq < 0 ? a.substring(2) : a.substring(2, eq);
                if (key.isEmpty()) {
                    throw new IllegalArgumentException("'" + a + "' names no property; write -Dkey=value");
                }
                System.setProperty(key, eq < 0 ? "true" : a.substring(eq + 1));
            } else {
                rest.add(a);
            }
        }
        return rest.toArray(new String[0]);
    }
}
