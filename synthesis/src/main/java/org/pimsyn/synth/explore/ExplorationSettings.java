package org.pimsyn.synth.explore;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How the exploration runs: on how many threads, whether design points whose fitness bound cannot reach the top
 * designs are skipped, how many top designs are kept, and for how long. Neither the threads nor pruning change the
 * result; pruning only saves work. The number of top designs changes which designs are listed but never the best
 * one; with pruning, fewer of them set a higher bar sooner, so fewer design points are searched. A time budget
 * changes the result: the exploration stops once it is spent, so which points are visited depends on the
 * machine's speed.
 *
 * @param topDesigns designs kept, best first, at least 1; pruning compares bounds with the last of them
 * @param budgetNs   time after which the exploration stops ({@link DesignSpaceExplorer}), {@link #NO_BUDGET} for
 *                   none; counted from the start of the exploration, stage 1 included
 * @param nanoClock  the clock the budget, the wall time and the exploration log read, in nanoseconds
 */
public record ExplorationSettings(int threads, boolean pruning, int topDesigns, long budgetNs,
        LongSupplier nanoClock) {
    /**
     * Design points evaluated between two pruning decisions, whatever the thread count, once the batches have grown:
     * see {@link #batchSize}.
     */
    public static final int BATCH_SIZE = 16;
    /** The first batch's size; each next batch doubles it, up to {@link #BATCH_SIZE}. */
    public static final int FIRST_BATCH_SIZE = 2;
    /**
     * Designs kept unless the settings say otherwise: the best, as Algorithm 1 returns. Keeping more raises the
     * pruning bar later, so more design points are searched (ResNet18 at 49 W: 23 searches for 1, 60 for 10).
     */
    public static final int DEFAULT_TOP_DESIGNS = 1;
    /** No time budget. */
    public static final long NO_BUDGET = Long.MAX_VALUE;

    public ExplorationSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (topDesigns < 1) {
            throw new IllegalArgumentException("topDesigns must be >= 1, got " + topDesigns);
        }
        if (budgetNs < 0) {
            throw new IllegalArgumentException("budgetNs must be >= 0, got " + budgetNs);
        }
        Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** The default number of top designs, with a time budget read on the given clock. */
    public ExplorationSettings(int threads, boolean pruning, long budgetNs, LongSupplier nanoClock) {
        this(threads, pruning, DEFAULT_TOP_DESIGNS, budgetNs, nanoClock);
    }

    /** The default number of top designs, no time budget, on the system clock. */
    public ExplorationSettings(int threads, boolean pruning) {
        this(threads, pruning, NO_BUDGET, System::nanoTime);
    }

    /** Pruning on, one thread per available core, the default number of top designs, no time budget. */
    public static ExplorationSettings defaults() {
        return new ExplorationSettings(Runtime.getRuntime().availableProcessors(), true);
    }

    /** These settings with a time budget, read on the given clock. */
    public ExplorationSettings withBudget(long budgetNs, LongSupplier nanoClock) {
        return new ExplorationSettings(threads, pruning, topDesigns, budgetNs, nanoClock);
    }

    /** These settings keeping {@code topDesigns} designs. */
    public ExplorationSettings withTopDesigns(int topDesigns) {
        return new ExplorationSettings(threads, pruning, topDesigns, budgetNs, nanoClock);
    }

    /**
     * The size of the batch of design points with the given index (0 for the first): 2, 4, 8, then 16. The highest
     * bounds come first, and their searches usually find a design close to the best, so small first batches let
     * the pruning bar rise after a few searches instead of after 16 (VGG16 at 100 W: 4 searches instead of 16);
     * later batches are larger to keep many threads or a cluster busy. It depends only on the index, never on the
     * thread count.
     */
    public static int batchSize(int batchIndex) {
        if (batchIndex < 0) {
            throw new IllegalArgumentException("batchIndex must be >= 0, got " + batchIndex);
        }
        return batchIndex >= 3 ? BATCH_SIZE : Math.min(BATCH_SIZE, FIRST_BATCH_SIZE << batchIndex);
    }

    public boolean hasBudget() {
        return budgetNs != NO_BUDGET;
    }
}
