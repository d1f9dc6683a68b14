package org.pimsyn.synth.design;

/**
 * A design's peak power by part, as {@link PeakPowerModel} counts it. The fixed parts (crossbars, DACs,
 * scratchpads, NoC and components of the library's own classes) are known before the peripherals are allocated;
 * the peripherals (ADCs and ALUs) get what is left of the budget.
 */
public record PeakPower(double crossbarsMw, double dacsMw, double scratchpadsMw, double nocMw, double otherMw,
        double peripheralsMw) {

    /** Crossbars, DACs, scratchpads, NoC and other components: what stage 4 cannot change. */
    public double fixedMw() {
        return crossbarsMw + dacsMw + scratchpadsMw + nocMw + otherMw;
    }

    /** The same fixed parts with these peripherals. */
    public PeakPower withPeripheralsMw(double newPeripheralsMw) {
        return new PeakPower(crossbarsMw, dacsMw, scratchpadsMw, nocMw, otherMw, newPeripheralsMw);
    }

    public double totalMw() {
        return fixedMw() + peripheralsMw;
    }
}
