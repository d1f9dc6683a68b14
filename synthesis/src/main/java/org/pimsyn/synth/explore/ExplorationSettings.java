package org.pimsyn.synth.explore;

/**
 * How the exploration runs: on how many threads, and whether design points whose fitness bound cannot reach the
 * top designs are skipped. Neither changes the result; pruning only saves work.
 */
public record ExplorationSettings(int threads, boolean pruning) {
    /** Design points evaluated between two pruning decisions, whatever the thread count. */
    public static final int BATCH_SIZE = 16;
    /** Designs kept, best first; pruning compares bounds with the last of them. */
    public static final int TOP_DESIGNS = 10;

    public ExplorationSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** Pruning on, one thread per available core. */
    public static ExplorationSettings defaults() {
        return new ExplorationSettings(Runtime.getRuntime().availableProcessors(), true);
    }
}
