package io.elicitor.simulation.people;

import io.elicitor.evoi.planner.EngineSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * λ fitted to people's answers to the questions the engine itself asks: each person of the prior's population runs a
 * session under a strategy (answered from their record, as {@link RealAnswerRunner} does), and λ is refitted by
 * {@link LambdaFit} to those answers; the sessions are then re-run, since the questions depend on λ, at the geometric
 * mean of the λ they ran at and the λ fitted (undamped, the rounds swing between two values: on SUSHI sessions at 10.7
 * fit 15.1 and sessions at 16.5 fit 10.7, since sharper questions are answered more noisily), until the fit is within
 * {@link #SETTLED} of the λ the sessions ran at, or the rounds run out. Why not random pairs: most random
 * pairs of a person's rated films are films they rated alike, whose answers are near coin flips, while the engine
 * asks about items it can tell apart; a λ fitted to the first is too low for the second (issue 16). Costs one
 * simulated session per person per round.
 */
public final class EngineQuestionFit {
    /** Relative change of λ below which the rounds stop. */
    static final double SETTLED = 0.02;

    /**
     * One round.
     *
     * @param plannedWith the λ the sessions were planned and updated with
     * @param fit the λ fitted to their answers
     * @param next the λ of the next round's sessions: the geometric mean of the two
     * @param ties answers left out because the record could not decide them
     */
    public record Round(double plannedWith, LambdaFit.Result fit, int ties, double next) {}

    private final PopulationSessions sessions;
    private final int priorSamples;

    /** A fit over {@code sessions}, the likelihood's expectation over {@code priorSamples} draws from the prior. */
    public EngineQuestionFit(PopulationSessions sessions, int priorSamples) {
        this.sessions = sessions;
        this.priorSamples = priorSamples;
    }

    /**
     * Rounds from {@code settings}' λ, at most {@code rounds}, each handed to {@code done} as it ends; the last
     * round's {@code next} is the answer.
     */
    public List<Round> fit(List<Person> people, EngineSettings settings, int rounds, Consumer<Round> done)
            throws Exception {
        if (rounds < 1) {
            throw new IllegalArgumentException("need rounds >= 1");
        }
        List<Person> usable = sessions.usable(people);
        List<Round> out = new ArrayList<>();
        double lambda = settings.lambda();
        for (int r = 0; r < rounds; r++) {
            List<List<LambdaFit.Answer>> answers = new ArrayList<>();
            int ties = answered(usable, settings.withLambda(lambda), answers);
            LambdaFit.Result fit = LambdaFit.onAnswers(answers, sessions.search().items(), sessions.prior(), priorSamples,
                    sessions.seed()).fit();
            boolean settled = Math.abs(fit.lambda() / lambda - 1) < SETTLED;
            double next = Math.sqrt(lambda * fit.lambda());
            out.add(new Round(lambda, fit, ties, next));
            done.accept(out.get(out.size() - 1));
            lambda = next;
            if (settled) {
                break;
            }
        }
        return out;
    }

    /** Runs every person's session; fills each person's untied answers and returns the number of ties. */
    private int answered(List<Person> people, EngineSettings settings, List<List<LambdaFit.Answer>> answers)
            throws Exception {
        PersonTrace[] traces = sessions.run(people, settings);
        int ties = 0;
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            List<LambdaFit.Answer> mine = new ArrayList<>();
            for (int[] slate : traces[i].slates()) {
                if (p.tied(slate)) {
                    ties++;
                } else {
                    mine.add(new LambdaFit.Answer(slate, p.choose(slate)));
                }
            }
            answers.add(mine);
        }
        return ties;
    }
}
