package io.elicitor.cli;

import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * Entry point of {@code ./elicitor}. {@code serve} (the default) starts the Quarkus service; every other
 * subcommand is a plain Java tool that runs without starting the server.
 */
@QuarkusMain
@Command(name = "elicitor", mixinStandardHelpOptions = true, version = "elicitor 0.1.0",
        description = "Interactive preference elicitation: asks EVOI-optimal comparison questions, then recommends.",
        subcommands = {ServeCommand.class, EmbedCommand.class, SimulateCommand.class, BenchQueryCommand.class,
                PlotScalingCommand.class, BenchAnnCommand.class, BenchBatchCommand.class, BenchCatalogCommand.class,
                FitLambdaCommand.class, IndexCommand.class})
public final class ElicitorMain implements Runnable {

    /** Runs a subcommand; with none, serves. */
    public static void main(String... args) {
        String[] effective = args.length == 0 ? new String[] {"serve"} : args;
        int code = commandLine().execute(effective);
        if (!"serve".equals(effective[0]) || code != 0) {
            System.exit(code);
        }
    }

    /** The command line as {@link #main} runs it; tests run it too, to see the refusals users see. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ElicitorMain());
        // Tools report bad input as one line, not a stack trace; exit code 2 means "refused".
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("elicitor " + line.getCommandName() + ": " + e.getMessage());
            return 2;
        });
        return cli;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
