package io.elicitor.experiment;

/**
 * One arm of an experiment.
 *
 * @param name unique within the experiment
 * @param strategy the query strategy its sessions run
 * @param params engine parameters its sessions run with (null fields: service defaults)
 * @param weight relative share of traffic, positive (absent: 1)
 */
public record Arm(String name, String strategy, ArmParams params, Double weight) {
    /** Null params become empty ones. */
    public Arm {
        params = params == null ? ArmParams.NONE : params;
    }

    /**
     * Parameters an arm sets for its sessions.
     *
     * @param slateSize items per query, 2..6
     * @param particles posterior particles
     * @param lambda inverse temperature of the choice model
     * @param maxQueries after this many answers every query says {@code stop}
     * @param queryKind which questions its sessions ask: {@code items}, {@code partial} or {@code mixed}
     * @param partialAttributes attributes a partial query shows, 1..4
     */
    public record ArmParams(Integer slateSize, Integer particles, Double lambda, Integer maxQueries, String queryKind,
                            Integer partialAttributes) {
        /** No overrides. */
        public static final ArmParams NONE = new ArmParams(null, null, null, null, null, null);
    }
}
