package org.pimsyn.synth.explore;

import org.pimsyn.synth.Deadline;

/**
 * When batches of design points start and how large they are: 2, 4, 8, then 16 ({@link
 * ExplorationSettings#batchSize}), none once the time budget is spent. Also the run's clock, counted from its
 * start.
 */
final class BatchSchedule {
    private final Deadline deadline;
    private int batches;

    /** A schedule whose budget and clock are those of {@code deadline}. */
    BatchSchedule(Deadline deadline) {
        this.deadline = deadline;
    }

    /** Whether another batch may start; reads the clock only where there is a budget. */
    boolean mayStartBatch() {
        return !deadline.passed();
    }

    /** The size of the next batch, which is thereby counted as started. */
    int nextBatchSize() {
        return ExplorationSettings.batchSize(batches++);
    }

    long nanosSinceStart() {
        return deadline.nanosSinceStart();
    }
}
