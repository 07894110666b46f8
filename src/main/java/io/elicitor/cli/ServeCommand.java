package io.elicitor.cli;

import io.quarkus.runtime.Quarkus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code elicitor serve}: runs the HTTP service until it is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the HTTP service (default). Configuration comes from application.properties,"
                + " -Dkey=value system properties and ELICITOR_* environment variables.")
final class ServeCommand implements Callable<Integer> {
    @Unmatched
    String[] quarkusArgs = new String[0];

    @Override
    public Integer call() {
        Quarkus.run(quarkusArgs);
        return 0;
    }
}
