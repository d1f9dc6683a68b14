package org.pimsyn.synth.stage.allocation;

import java.util.Locale;

/**
 * Even the least allocation (one unit of every component a group uses, or the caller's per-group minimum) draws
 * more than the peripherals' budget.
 *
 * @param minimumPowerMw what the least allocation draws
 * @param budgetMw       what was available
 */
public record AllocationShortfall(double minimumPowerMw, double budgetMw) implements AllocationResult {

    public double shortfallMw() {
        return minimumPowerMw - budgetMw;
    }

    /** One line: what the least allocation needs, what is available, the difference. */
    public String message() {
        return String.format(Locale.ROOT,
                "the peripherals need at least %.4f mW (the least units every group's work requires) but %.4f mW "
                        + "is left for them; short by %.4f mW", minimumPowerMw, budgetMw, shortfallMw());
    }
}
