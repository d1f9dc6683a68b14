package org.pimsyn.synth.objective;

/**
 * Which way an objective improves, and how its values map onto the scores the search maximises
 * ({@link Objective}): a higher-is-better value is its own score; a lower-is-better value scores its reciprocal,
 * so that the best design still has the highest score and no design (value 0) still scores 0.
 */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /** The score of a value: 0 for 0 (no feasible design). */
    public double score(double value) {
        return this == HIGHER_IS_BETTER || !(value > 0) ? value : 1 / value;
    }
}
