package org.pimsyn.synth.explore;

import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

/**
 * A design point of the run as the loops of Algorithm 1 give it, before anything is known of its search.
 *
 * @param order          position in the loop order among the design points that have an ADC
 * @param candidateIndex rank of the duplication candidate in the filter's list (0 is the best)
 * @param candidates     candidates the filter kept at the crossbar point
 * @param seed           the seed of its candidate search
 * @param searchKey      what its search depends on, shared with the points it differs from only in RatioRram
 */
record PlannedDesignPoint(int order, DesignPoint point, int candidateIndex, int candidates,
        DuplicationCandidate duplication, long seed, SearchKey searchKey) {

    DesignPointKey key() {
        return new DesignPointKey(order, point, candidateIndex, candidates, duplication.duplications());
    }

    DesignPointTask task() {
        return new DesignPointTask(point, duplication, seed);
    }
}
