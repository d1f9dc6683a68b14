package org.pimsyn.synth.explore;

import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.DesignPoint;

/**
 * One of the best designs of an exploration.
 *
 * @param order          position of its design point in Algorithm 1's loop order (RatioRram, ResRram, XbSize,
 *                       candidate, ResDAC); breaks fitness ties, the earlier first
 * @param candidateIndex rank of its weight-duplication candidate in the filter's list (0 is the best)
 * @param candidates     candidates the filter kept at its crossbar point
 */
public record RankedDesign(int order, int candidateIndex, int candidates, CandidateOutcome outcome) {
    public DesignPoint point() {
        return outcome.point();
    }

    public Design design() {
        return outcome.best();
    }

    public double fitness() {
        return outcome.fitness();
    }
}
