package org.pimsyn.synth.explore;

/** The parts of an exploration before any design point is searched, which take long on large networks. */
public enum ExplorationPhase {
    /** Stage 1 at every crossbar point with an ADC: one step per crossbar point. */
    DUPLICATION,
    /** The fitness bound of every distinct search: one step per search. */
    BOUNDS
}
