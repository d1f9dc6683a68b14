package org.pimsyn.synth.stage.duplication;

import org.pimsyn.synth.hardware.HardwareLibrary;

/**
 * The number of crossbars a design point can afford (the paper's Eq. 3):
 * {@code #crossbar = floor(TotalPower x RatioRram / CrossbarPower(XbSize, ResRram))}.
 *
 * <p>CrossbarPower is the crossbar's <em>peak</em> power from the library: the budget is a peak-power limit, and
 * the peak is what one instance reserves of it (static + dynamic at most), so every crossbar counted here can
 * run at full rate without breaking the limit.
 *
 * @param crossbarPeakPowerMw the library's peak power of one crossbar of this size and cell resolution
 * @param crossbars           Eq. 3's count
 */
public record CrossbarBudget(double totalPowerMw, double ratioRram, int xbSizeRows, int cellBits,
                             double crossbarPeakPowerMw, long crossbars) {

    /**
     * Decimal inputs such as 0.3 are not exact in binary, so 49 W x 0.3 / 1.2 mW may come out a hair below
     * 12250; a quotient within this relative distance of the next integer counts as that integer.
     */
    static final double RELATIVE_SLACK = 1e-9;

    public CrossbarBudget {
        requirePositive(totalPowerMw, "totalPowerMw");
        requirePositive(crossbarPeakPowerMw, "crossbarPeakPowerMw");
        if (!(ratioRram > 0 && ratioRram < 1)) {
            throw new IllegalArgumentException("ratioRram must lie between 0 and 1, got " + ratioRram);
        }
        if (crossbars != crossbarCount(totalPowerMw, ratioRram, crossbarPeakPowerMw)) {
            throw new IllegalArgumentException("crossbars " + crossbars + " is not Eq. 3's count");
        }
    }

    /** Eq. 3 for one design point, with the crossbar's peak power taken from the library. */
    public static CrossbarBudget of(HardwareLibrary library, double totalPowerMw, double ratioRram, int xbSizeRows,
                                    int cellBits) {
        double crossbarMw = library.crossbar(xbSizeRows, cellBits).power().peakPowerMw();
        return new CrossbarBudget(totalPowerMw, ratioRram, xbSizeRows, cellBits, crossbarMw,
                crossbarCount(totalPowerMw, ratioRram, crossbarMw));
    }

    /** floor(totalPowerMw x ratioRram / crossbarPowerMw), saturating at {@link Long#MAX_VALUE}. */
    public static long crossbarCount(double totalPowerMw, double ratioRram, double crossbarPowerMw) {
        double quotient = totalPowerMw * ratioRram / crossbarPowerMw;
        if (!(quotient >= 0)) {
            throw new IllegalArgumentException("crossbar count of " + totalPowerMw + " mW x " + ratioRram + " / "
                    + crossbarPowerMw + " mW is not a number >= 0");
        }
        double count = Math.floor(quotient * (1 + RELATIVE_SLACK));
        return count >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) count;
    }

    private static void requirePositive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + v);
        }
    }
}
