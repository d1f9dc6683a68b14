package org.pimsyn.synth.explore;

import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.DesignPoint;

/**
 * A design point the candidate search went through, as the exploration log records it.
 *
 * @param candidateIndex      rank of its weight-duplication candidate in the filter's list (0 is the best)
 * @param candidates          candidates the filter kept at its crossbar point
 * @param bestFitnessSoFar    the run's best fitness (GOPS/W) once this point is counted, 0 while none was found
 * @param nanosSinceStart     time from the start of the exploration to the end of this point's search
 */
public record SearchedDesignPoint(int candidateIndex, int candidates, CandidateOutcome outcome,
        double bestFitnessSoFar, long nanosSinceStart) {
    public DesignPoint point() {
        return outcome.point();
    }
}
