package org.pimsyn.synth.stage.duplication;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The smallest total power at which a design point's crossbars hold every weight once, and that point.
 *
 * @param crossbars crossbars the weights need at duplication 1 at that point
 */
public record MinimumPower(double totalPowerMw, double ratioRram, int cellBits, int xbSizeRows, long crossbars) {

    /**
     * The message for a budget under which nothing fits: "no design fits under X W; the crossbars alone need at
     * least Y W (RatioRram r, ResRram b, XbSize s), and the peripherals more on top". Y is rounded up to the
     * hundredth of a watt, so that at Y the crossbars of that point hold every weight. It is only a lower bound:
     * the ADCs, DACs, ALUs, scratchpads and NoC that a design needs besides depend on its macro partitioning,
     * which only the search finds, so no figure short of a search is sure to fit.
     */
    public String noFitMessage(double budgetMw) {
        return "no design fits under " + watts(budgetMw) + " W; the crossbars alone need at least "
                + wattsRoundedUp(totalPowerMw) + " W (RatioRram " + plain(ratioRram) + ", ResRram " + cellBits
                + ", XbSize " + xbSizeRows + "), and the peripherals (ADCs, DACs, ALUs, scratchpads, NoC) more on "
                + "top: a lower bound, try a budget several times larger";
    }

    static String watts(double mw) {
        return plain(mw / 1000);
    }

    static String wattsRoundedUp(double mw) {
        // Shave the last bits of binary noise first, so that an exact 12.25 W does not print as 12.26.
        BigDecimal w = new BigDecimal(mw / 1000 * (1 - 1e-12));
        return w.setScale(2, RoundingMode.CEILING).stripTrailingZeros().toPlainString();
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
