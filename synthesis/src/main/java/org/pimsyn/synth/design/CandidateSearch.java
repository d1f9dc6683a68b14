package org.pimsyn.synth.design;

import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

/**
 * Stages 3 and 4 for one design point and one weight-duplication candidate: the evolutionary macro
 * partitioning, with component allocation and simulation as the fitness function. The exploration driver
 * calls it once per (point, candidate), from several threads at once on different candidates.
 */
public interface CandidateSearch {
    /** The best design of the candidate; the same inputs and seed give the same outcome, bit for bit. */
    CandidateOutcome search(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication, long seed);

    /**
     * A bound, in GOPS/W, that no design of this candidate can exceed, whatever its partition and allocation;
     * the driver skips candidates whose bound cannot beat what it already has.
     */
    double fitnessUpperBound(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication);
}
