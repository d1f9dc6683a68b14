package org.pimsyn.synth.design;

/**
 * One point of Algorithm 1's loops above the weight duplication: the share of the power budget given to
 * crossbars, the ReRAM cell resolution, the crossbar size, the DAC resolution, and the ADC resolution that
 * follows from them.
 */
public record DesignPoint(double ratioRram, int resRramBits, int xbSizeRows, int resDacBits, int adcBits) {
    public DesignPoint {
        if (!(ratioRram > 0 && ratioRram < 1)) {
            throw new IllegalArgumentException("ratioRram must lie strictly between 0 and 1, got " + ratioRram);
        }
        if (resRramBits < 1 || xbSizeRows < 1 || resDacBits < 1 || adcBits < 1) {
            throw new IllegalArgumentException("resolutions and crossbar size must be positive");
        }
    }

    @Override
    public String toString() {
        return "RatioRram " + ratioRram + ", ResRram " + resRramBits + ", XbSize " + xbSizeRows + ", ResDAC "
                + resDacBits + ", ADC " + adcBits + " bits";
    }
}
