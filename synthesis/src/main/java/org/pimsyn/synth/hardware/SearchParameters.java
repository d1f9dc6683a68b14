package org.pimsyn.synth.hardware;

import java.util.Objects;

/** Defaults of the design-space exploration: the annealing filter, the evolutionary partitioner, the outer loops. */
public record SearchParameters(AnnealingParameters annealing, EvolutionParameters evolution, DesignSpace designSpace) {
    public SearchParameters {
        Objects.requireNonNull(annealing, "annealing");
        Objects.requireNonNull(evolution, "evolution");
        Objects.requireNonNull(designSpace, "designSpace");
    }
}
