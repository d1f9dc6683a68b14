package org.pimsyn.synth;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The end of a time budget on a nanosecond clock, which long computations (stage 1's annealing, the fitness
 * bounds, the evolutionary search) check as they go so that a run stops soon after it. The clock is a parameter so
 * that tests can run a budget on a fake one.
 *
 * @param nanoClock the clock, in nanoseconds
 * @param startNs   when the budget started, on that clock
 * @param budgetNs  the budget, {@link Long#MAX_VALUE} for none
 */
public record Deadline(LongSupplier nanoClock, long startNs, long budgetNs) {
    /** Never passes, and never reads a clock. */
    public static final Deadline NONE = new Deadline(() -> 0, 0, Long.MAX_VALUE);

    public Deadline {
        Objects.requireNonNull(nanoClock, "nanoClock");
        if (budgetNs < 0) {
            throw new IllegalArgumentException("budgetNs must be >= 0, got " + budgetNs);
        }
    }

    /** Whether the budget is spent; reads the clock only where there is a budget. */
    public boolean passed() {
        return budgetNs != Long.MAX_VALUE && nanosSinceStart() >= budgetNs;
    }

    /** @throws DeadlinePassedException where the budget is spent */
    public void check() {
        if (passed()) {
            throw new DeadlinePassedException();
        }
    }

    public long nanosSinceStart() {
        return nanoClock.getAsLong() - startNs;
    }
}
