package org.pimsyn.synth.explore;

/**
 * Follows an exploration as it goes, for a progress display. {@link #searched()} is called from the worker
 * threads; the other methods from the thread that runs the exploration.
 */
public interface ExplorationListener {
    /** Listens to nothing. */
    ExplorationListener NONE = new ExplorationListener() {
    };

    /** The design points to go through are known: those with an ADC, searched or pruned. */
    default void started(int designPoints) {
    }

    /** One design point was searched. */
    default void searched() {
    }

    /** Design points were skipped because their fitness bound cannot reach the top designs. */
    default void pruned(int designPoints) {
    }

    /** The best fitness so far, in GOPS/W. */
    default void bestFitness(double gopsPerWatt) {
    }
}
