package io.elicitor.simulation.people;

import io.elicitor.evoi.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Every person's session under one strategy, answered from their records, on a few threads (for the λ fits). */
final class PopulationSessions {
    private PopulationSessions() {}

    /** The traces, person by person, each session seeded by {@code seed} and the person's id. */
    static PersonTrace[] run(RealAnswerRunner runner, List<Person> people, String strategy, long seed, int threads)
            throws Exception {
        if (threads < 1) {
            throw new IllegalArgumentException("need threads >= 1");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<PersonTrace>> traces = new ArrayList<>();
            for (Person p : people) {
                traces.add(pool.submit(() -> runner.run(p, strategy, Seeds.mix(seed, p.id()))));
            }
            PersonTrace[] out = new PersonTrace[people.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = traces.get(i).get();
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
