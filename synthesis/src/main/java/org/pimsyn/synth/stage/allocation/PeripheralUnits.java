package org.pimsyn.synth.stage.allocation;

import org.pimsyn.synth.hardware.AdcSpec;
import org.pimsyn.synth.hardware.AluSpec;
import org.pimsyn.synth.hardware.HardwareLibrary;

/**
 * Rate and peak power of one unit of each {@link Peripheral}, indexed by ordinal, as the allocator takes them.
 * An ADC processes one conversion per read latency (rate 1 / latencyNs); an ALU one vector of
 * {@code vectorWidthElements} per latency (rate width / latencyNs). Immutable: arrays are copied out.
 */
public final class PeripheralUnits {
    private final int adcBits;
    private final double[] ratePerNs;
    private final double[] unitPowerMw;

    private PeripheralUnits(int adcBits, double[] ratePerNs, double[] unitPowerMw) {
        this.adcBits = adcBits;
        this.ratePerNs = ratePerNs;
        this.unitPowerMw = unitPowerMw;
    }

    /**
     * The units of a design whose ADCs have {@code adcBits} bits.
     *
     * @throws IllegalArgumentException where the library has no such ADC
     */
    public static PeripheralUnits of(HardwareLibrary library, int adcBits) {
        AdcSpec adc = library.adc(adcBits).orElseThrow(() -> new IllegalArgumentException("no " + adcBits
                + "-bit ADC in " + library.origin()));
        Peripheral[] kinds = Peripheral.values();
        double[] rate = new double[kinds.length];
        double[] power = new double[kinds.length];
        rate[Peripheral.ADC.ordinal()] = 1 / adc.power().latencyNs();
        power[Peripheral.ADC.ordinal()] = adc.power().peakPowerMw();
        for (Peripheral p : kinds) {
            if (p.alu() != null) {
                AluSpec alu = library.alu(p.alu());
                rate[p.ordinal()] = alu.vectorWidthElements() / alu.power().latencyNs();
                power[p.ordinal()] = alu.power().peakPowerMw();
            }
        }
        return new PeripheralUnits(adcBits, rate, power);
    }

    public int adcBits() {
        return adcBits;
    }

    public double ratePerNs(Peripheral p) {
        return ratePerNs[p.ordinal()];
    }

    public double unitPowerMw(Peripheral p) {
        return unitPowerMw[p.ordinal()];
    }

    /** Rates per {@link Peripheral} ordinal, a copy for {@link PeripheralAllocator}. */
    public double[] ratesPerNs() {
        return ratePerNs.clone();
    }

    /** Peak powers per {@link Peripheral} ordinal, a copy for {@link PeripheralAllocator}. */
    public double[] unitPowersMw() {
        return unitPowerMw.clone();
    }
}
