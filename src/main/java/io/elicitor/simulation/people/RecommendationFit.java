package io.elicitor.simulation.people;

import io.elicitor.evoi.planner.EngineSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * λ chosen by what the engine is for: the people of the prior's population (never the test people) answer sessions
 * from their records at each λ of a grid, and the smallest λ whose recommendations sit within {@link #WITHIN} of the
 * best in those people's own orders, averaged over t = 1..T, is chosen: the curve is flat at its top (on MovieLens
 * 4.18, 4.15 and 4.17 places at λ = 32, 64, 128), and of models that recommend alike the one that trusts each answer
 * least is the safer with live people, whose answers are noisier than a record's. Why not the likelihood fits ({@link LambdaFit}, {@link EngineQuestionFit}): they
 * find the λ that best predicts answers under the linear model, and on every data set measured it recommends worse
 * than a sharper one (issue 16, evoi/RESULTS.md): a person's answers are more consistent with their own record than
 * with any single vector of the model, so believing each answer more pays. The price, said plainly: a record answers
 * the same pair the same way every time, and a live person may not; no record can measure that noise. Costs one
 * session per person per grid point.
 */
public final class RecommendationFit {
    /** Relative margin over the best mean position within which a smaller λ is preferred. */
    public static final double WITHIN = 0.02;

    /**
     * One grid point.
     *
     * @param lambda the λ the sessions ran at
     * @param meanPosition position of the top recommendation in the person's order, mean over people and t = 1..T
     * @param positionAtT the same at t = T alone
     */
    public record Point(double lambda, double meanPosition, double positionAtT) {}

    /**
     * The choice.
     *
     * @param lambda the smallest λ of the grid whose mean position is within {@link #WITHIN} of the lowest
     * @param curve every grid point, in grid order
     */
    public record Result(double lambda, List<Point> curve) {}

    private final PopulationSessions sessions;

    /** A choice over {@code sessions}. */
    public RecommendationFit(PopulationSessions sessions) {
        this.sessions = sessions;
    }

    /** Runs the grid (positive λ), handing each point to {@code done} as it ends. */
    public Result fit(List<Person> people, EngineSettings settings, double[] grid, Consumer<Point> done)
            throws Exception {
        if (grid.length == 0) {
            throw new IllegalArgumentException("need at least one lambda to try");
        }
        List<Person> usable = sessions.usable(people);
        int queries = sessions.queries();
        List<Point> curve = new ArrayList<>();
        for (double lambda : grid) {
            PersonTrace[] traces = sessions.run(usable, settings.withLambda(lambda));
            double sum = 0;
            double last = 0;
            for (PersonTrace t : traces) {
                for (int a = 1; a <= queries; a++) {
                    sum += t.bayes()[a].position();
                }
                last += t.bayes()[queries].position();
            }
            Point p = new Point(lambda, sum / (traces.length * (double) queries), last / traces.length);
            curve.add(p);
            done.accept(p);
        }
        double lowest = curve.stream().mapToDouble(Point::meanPosition).min().orElseThrow();
        return new Result(curve.stream().filter(p -> p.meanPosition() <= lowest * (1 + WITHIN))
                .mapToDouble(Point::lambda).min().orElseThrow(), curve);
    }
}
