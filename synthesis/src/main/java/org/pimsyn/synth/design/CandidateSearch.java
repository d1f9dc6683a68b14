package org.pimsyn.synth.design;

import org.pimsyn.synth.Deadline;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

/**
 * Stages 3 and 4 for one design point and one weight-duplication candidate: the evolutionary macro
 * partitioning, with component allocation and simulation as the fitness function. The exploration driver
 * calls it once per (point, candidate), from several threads at once on different candidates.
 */
public interface CandidateSearch {
    /**
     * The best design of the candidate by the request's objective, with its figures in the objective's values; the
     * same inputs and seed give the same outcome, bit for bit.
     */
    CandidateOutcome search(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication, long seed);

    /**
     * As {@link #search(SynthesisRequest, DesignPoint, DuplicationCandidate, long)}, stopping soon after
     * {@code deadline} passes; a search stopped gives nothing, so that every outcome is that of a whole search. A
     * search that cannot stop part-way runs to its end, as this default does.
     *
     * @throws org.pimsyn.synth.DeadlinePassedException where it stopped
     */
    default CandidateOutcome search(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication,
            long seed, Deadline deadline) {
        return search(request, point, duplication, seed);
    }

    /**
     * A bound on the request's objective's score ({@link org.pimsyn.synth.objective.Objective}) that no design of
     * this candidate can exceed, whatever its partition and allocation, or infinity where the objective has none;
     * the driver skips candidates whose bound cannot beat what it already has.
     */
    double fitnessUpperBound(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication);

    /**
     * Why no design of the candidate can be feasible, where {@link #fitnessUpperBound} is 0: the reason a message
     * gives for the design points the driver skipped so.
     */
    default String infeasibility(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication) {
        return "its bound proves that no design of it fits";
    }
}
