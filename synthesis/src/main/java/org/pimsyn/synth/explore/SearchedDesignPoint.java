package org.pimsyn.synth.explore;

import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.DesignFigures;
import org.pimsyn.synth.design.DesignPoint;

/**
 * A design point the candidate search went through, as the exploration log records it.
 *
 * @param candidateIndex      rank of its weight-duplication candidate in the filter's list (0 is the best)
 * @param candidates          candidates the filter kept at its crossbar point
 * @param outcome             the search's outcome; for a point taken from a checkpoint whose design could not enter
 *                            the top designs, without that design
 * @param found               whether the search found a design: {@code outcome.found()}, except for such points
 * @param sharedSearch        whether the point took the outcome of an earlier point's search (the same search at
 *                            another RatioRram), whose figures, evaluations included, it repeats
 * @param bestFitnessSoFar    the run's best fitness (the objective's value) once this point is counted, 0 while none
 *                            was found
 * @param nanosSinceStart     time from the start of the exploration to the end of this point's search, or to when
 *                            it was taken from the checkpoint
 * @param figures             the figures of the design found, null without one (or from a checkpoint that lacks
 *                            them)
 */
public record SearchedDesignPoint(int candidateIndex, int candidates, CandidateOutcome outcome, boolean found,
        boolean sharedSearch, double bestFitnessSoFar, long nanosSinceStart, DesignFigures figures) {

    /** A point that ran its own search, whose outcome holds its design if it found one. */
    public SearchedDesignPoint(int candidateIndex, int candidates, CandidateOutcome outcome, double bestFitnessSoFar,
            long nanosSinceStart) {
        this(candidateIndex, candidates, outcome, outcome.found(), false, bestFitnessSoFar, nanosSinceStart,
                outcome.found() ? DesignFigures.of(outcome.best()) : null);
    }

    public DesignPoint point() {
        return outcome.point();
    }
}
