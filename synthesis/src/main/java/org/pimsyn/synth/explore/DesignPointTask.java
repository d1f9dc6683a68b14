package org.pimsyn.synth.explore;

import java.util.Objects;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

/**
 * One candidate search of the exploration: a design point, a weight-duplication candidate of its crossbar point
 * and the seed {@link ExplorationSeeds#candidateSearch} gives them. Wherever it runs, the same task gives the same
 * outcome.
 */
public record DesignPointTask(DesignPoint point, DuplicationCandidate duplication, long seed) {
    public DesignPointTask {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(duplication, "duplication");
    }
}
