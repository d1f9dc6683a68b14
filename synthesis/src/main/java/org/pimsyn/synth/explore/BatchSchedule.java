package org.pimsyn.synth.explore;

/**
 * When batches of design points start and how large they are: 2, 4, 8, then 16 ({@link
 * ExplorationSettings#batchSize}), none after the time budget is spent, except that the first batch that searches
 * always runs, so that a run cut short still has designs to show and a resumed run gets further than its
 * checkpoint. Also the run's clock, counted from its start.
 */
final class BatchSchedule {
    private final ExplorationSettings settings;
    private final long startNs;
    private int batches;
    private boolean searchedOnce;

    /** A schedule whose budget counts from {@code startNs} on the settings' clock. */
    BatchSchedule(ExplorationSettings settings, long startNs) {
        this.settings = settings;
        this.startNs = startNs;
    }

    /** Whether another batch may start; reads the clock only once a batch has searched and there is a budget. */
    boolean mayStartBatch() {
        return !searchedOnce || !outOfTime();
    }

    /** The size of the next batch, which is thereby counted as started. */
    int nextBatchSize() {
        return ExplorationSettings.batchSize(batches++);
    }

    /** A batch ended; {@code searched} says whether it ran at least one search. */
    void batchEnded(boolean searched) {
        searchedOnce |= searched;
    }

    long nanosSinceStart() {
        return settings.nanoClock().getAsLong() - startNs;
    }

    private boolean outOfTime() {
        return settings.hasBudget() && nanosSinceStart() >= settings.budgetNs();
    }
}
