package io.elicitor.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code simulate} options that make each simulated user a real person answering from their record. */
final class RealAnswerOptions {
    @Option(names = "--answers-from", description = "Real people's recorded preferences: each user is a person, asked"
            + " only about items they have a record of, answered from it (a SUSHI .order file, or ratings).")
    Path answersFrom;

    @Option(names = "--answers-format", description = "sushi-order (a ranking per line; a person is a line, 0 first)"
            + " or ratings (ML-100K u.data, ml-latest ratings.csv or a user,item,rating CSV; a person is a user id).")
    String answersFormat;

    @Option(names = "--people", description = "Test at most this many people, drawn by --seed from those the"
            + " catalog's embedding held out (default: all of them).")
    Integer people;

    @Option(names = "--test-people", description = "A file of person ids (whitespace- or comma-separated) to test"
            + " instead; an id the catalog's embedding used is refused.")
    Path testPeople;
}
