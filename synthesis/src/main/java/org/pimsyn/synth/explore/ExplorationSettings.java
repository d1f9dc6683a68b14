package org.pimsyn.synth.explore;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How the exploration runs: on how many threads, whether design points whose fitness bound cannot reach the top
 * designs are skipped, and for how long. Neither the threads nor pruning change the result; pruning only saves
 * work. A time budget does: no batch of design points after the first starts once it is spent, so which points
 * are visited depends on the machine's speed.
 *
 * @param budgetNs  time after which no new batch of design points starts, {@link #NO_BUDGET} for none; counted
 *                  from the start of the exploration, stage 1 included
 * @param nanoClock the clock the budget, the wall time and the exploration log read, in nanoseconds
 */
public record ExplorationSettings(int threads, boolean pruning, long budgetNs, LongSupplier nanoClock) {
    /** Design points evaluated between two pruning decisions, whatever the thread count. */
    public static final int BATCH_SIZE = 16;
    /** Designs kept, best first; pruning compares bounds with the last of them. */
    public static final int TOP_DESIGNS = 10;
    /** No time budget. */
    public static final long NO_BUDGET = Long.MAX_VALUE;

    public ExplorationSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (budgetNs < 0) {
            throw new IllegalArgumentException("budgetNs must be >= 0, got " + budgetNs);
        }
        Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** No time budget, on the system clock. */
    public ExplorationSettings(int threads, boolean pruning) {
        this(threads, pruning, NO_BUDGET, System::nanoTime);
    }

    /** Pruning on, one thread per available core, no time budget. */
    public static ExplorationSettings defaults() {
        return new ExplorationSettings(Runtime.getRuntime().availableProcessors(), true);
    }

    /** These settings with a time budget, read on the given clock. */
    public ExplorationSettings withBudget(long budgetNs, LongSupplier nanoClock) {
        return new ExplorationSettings(threads, pruning, budgetNs, nanoClock);
    }

    public boolean hasBudget() {
        return budgetNs != NO_BUDGET;
    }
}
