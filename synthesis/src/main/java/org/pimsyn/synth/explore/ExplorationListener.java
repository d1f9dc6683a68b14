package org.pimsyn.synth.explore;

/**
 * Follows an exploration as it goes, for a progress display. {@link #searched()} and {@link #phaseStep} are called
 * from whichever thread finished the work (a worker thread, or Spark's scheduler on a cluster); the other methods
 * from the thread that runs the exploration.
 */
public interface ExplorationListener {
    /** Listens to nothing. */
    ExplorationListener NONE = new ExplorationListener() {
    };

    /** A phase before the design points starts, with the steps it will take; stage 1 first, then the bounds. */
    default void phaseStarted(ExplorationPhase phase, int steps) {
    }

    /** One step of the phase under way is done. */
    default void phaseStep(ExplorationPhase phase) {
    }

    /** The design points to go through are known: those with an ADC, searched or pruned. */
    default void started(int designPoints) {
    }

    /** One design point was searched. */
    default void searched() {
    }

    /** Design points were skipped because their fitness bound cannot reach the top designs. */
    default void pruned(int designPoints) {
    }

    /**
     * Design points were taken from a checkpoint instead of being searched; they count as searched, but took no
     * search time.
     */
    default void fromCheckpoint(int designPoints) {
    }

    /** The best fitness so far, in the objective's values. */
    default void bestFitness(double value) {
    }

    /**
     * Pruning was asked for but is off, for the reason given (the objective has no bound): every design point will
     * be searched. Called once, before {@link #started}.
     */
    default void pruningOff(String reason) {
    }

    /**
     * Before each batch: of the design points not yet visited, how many have a fitness bound that still reaches
     * the top designs. No more than these will be searched (the top designs only improve); the rest will be
     * pruned.
     */
    default void stillSearchable(int designPoints) {
    }

    /**
     * A design point's search is counted, with the run's best fitness after it. Called from the exploring thread
     * after each batch, in the order the points were visited.
     */
    default void searched(SearchedDesignPoint point) {
    }

    /** Passes every call to {@code first}, then to {@code second}. */
    static ExplorationListener both(ExplorationListener first, ExplorationListener second) {
        return new ExplorationListener() {
            @Override
            public void phaseStarted(ExplorationPhase phase, int steps) {
                first.phaseStarted(phase, steps);
                second.phaseStarted(phase, steps);
            }

            @Override
            public void phaseStep(ExplorationPhase phase) {
                first.phaseStep(phase);
                second.phaseStep(phase);
            }

            @Override
            public void started(int designPoints) {
                first.started(designPoints);
                second.started(designPoints);
            }

            @Override
            public void searched() {
                first.searched();
                second.searched();
            }

            @Override
            public void pruned(int designPoints) {
                first.pruned(designPoints);
                second.pruned(designPoints);
            }

            @Override
            public void fromCheckpoint(int designPoints) {
                first.fromCheckpoint(designPoints);
                second.fromCheckpoint(designPoints);
            }

            @Override
            public void bestFitness(double value) {
                first.bestFitness(value);
                second.bestFitness(value);
            }

            @Override
            public void pruningOff(String reason) {
                first.pruningOff(reason);
                second.pruningOff(reason);
            }

            @Override
            public void stillSearchable(int designPoints) {
                first.stillSearchable(designPoints);
                second.stillSearchable(designPoints);
            }

            @Override
            public void searched(SearchedDesignPoint point) {
                first.searched(point);
                second.searched(point);
            }
        };
    }
}
