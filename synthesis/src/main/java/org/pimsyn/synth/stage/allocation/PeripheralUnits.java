package org.pimsyn.synth.stage.allocation;

import org.pimsyn.sim.timing.TimingRules;
import org.pimsyn.synth.hardware.AdcSpec;
import org.pimsyn.synth.hardware.AluSpec;
import org.pimsyn.synth.hardware.HardwareLibrary;

/**
 * Rate and peak power of one unit of each {@link Peripheral}, indexed by ordinal, as the allocator takes them.
 * An ADC processes one conversion per latency (rate 1 / latency); an ALU one vector of {@code vectorWidthElements}
 * per latency (rate width / latency). The latency is the simulator's ({@link TimingRules#unitRatePerNs}): the library's, rounded up to whole clock
 * cycles, so that a 1 ns conversion at 1.2 GHz takes 2 cycles (1.67 ns) here as it does there. Immutable: arrays
 * are copied out.
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
        double clockGhz = library.clockGhz();
        rate[Peripheral.ADC.ordinal()] = TimingRules.unitRatePerNs(adc.power().latencyNs(), 1, clockGhz);
        power[Peripheral.ADC.ordinal()] = adc.power().peakPowerMw();
        for (Peripheral p : kinds) {
            if (p.alu() != null) {
                AluSpec alu = library.alu(p.alu());
                rate[p.ordinal()] = TimingRules.unitRatePerNs(alu.power().latencyNs(), alu.vectorWidthElements(),
                        clockGhz);
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
