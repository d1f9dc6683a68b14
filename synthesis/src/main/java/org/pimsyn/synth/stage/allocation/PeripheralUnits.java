package org.pimsyn.synth.stage.allocation;

import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.component.ComponentClass;
import org.pimsyn.sim.component.ComponentEntry;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.timing.TimingRules;
import org.pimsyn.synth.hardware.HardwareLibrary;

/**
 * Rate and peak power of one unit of each peripheral component stage 4 allocates, the ADC and every
 * {@link AluKind}, indexed as the allocator takes them: {@link #ADC}, then each ALU kind at
 * {@link #indexOf(AluKind)}.
 * An ADC processes one conversion per latency (rate 1 / latency); an ALU one vector of {@code vectorWidthElements}
 * per latency (rate width / latency). The latency is the simulator's ({@link TimingRules#unitRatePerNs}): the
 * component table's, rounded up to whole clock cycles, so that a 1 ns conversion at 1.2 GHz takes 2 cycles
 * (1.67 ns) here as it does there. Immutable: arrays are copied out.
 */
public final class PeripheralUnits {
    /** The index of the ADC. */
    public static final int ADC = 0;
    /** The number of peripheral components: the ADC and one per ALU kind. */
    public static final int COUNT = 1 + AluKind.COUNT;

    private final int adcBits;
    private final double[] ratePerNs;
    private final double[] unitPowerMw;

    private PeripheralUnits(int adcBits, double[] ratePerNs, double[] unitPowerMw) {
        this.adcBits = adcBits;
        this.ratePerNs = ratePerNs;
        this.unitPowerMw = unitPowerMw;
    }

    /**
     * The units of a design whose ADCs have {@code adcBits} bits: latencies and peak powers from the component
     * table energy and peak power are priced with, vector widths from the library.
     *
     * @throws IllegalArgumentException where the table has no such ADC
     */
    public static PeripheralUnits of(ComponentLibrary components, HardwareLibrary library, int adcBits) {
        ComponentEntry adc;
        try {
            adc = components.adc(adcBits);
        } catch (InvalidSimulationInputException e) {
            throw new IllegalArgumentException("no " + adcBits + "-bit ADC in " + library.origin(), e);
        }
        double[] rate = new double[COUNT];
        double[] power = new double[COUNT];
        double clockGhz = library.clockGhz();
        rate[ADC] = TimingRules.unitRatePerNs(adc.latencyNs(ComponentClass.CONVERT), 1, clockGhz);
        power[ADC] = adc.peakPowerMw();
        for (AluKind kind : AluKind.values()) {
            ComponentEntry alu = components.alu(kind);
            rate[indexOf(kind)] = TimingRules.unitRatePerNs(alu.latencyNs(ComponentClass.OPERATE),
                    library.alu(kind).vectorWidthElements(), clockGhz);
            power[indexOf(kind)] = alu.peakPowerMw();
        }
        return new PeripheralUnits(adcBits, rate, power);
    }

    /** The index of an ALU kind. */
    public static int indexOf(AluKind kind) {
        return 1 + kind.ordinal();
    }

    /** The ALU kind at an index, or null for the ADC. */
    public static AluKind aluKind(int index) {
        return index == ADC ? null : AluKind.ofCode(index - 1);
    }

    public int adcBits() {
        return adcBits;
    }

    public double ratePerNs(int index) {
        return ratePerNs[index];
    }

    public double unitPowerMw(int index) {
        return unitPowerMw[index];
    }

    /** Rates per index, a copy for {@link PeripheralAllocator}. */
    public double[] ratesPerNs() {
        return ratePerNs.clone();
    }

    /** Peak powers per index, a copy for {@link PeripheralAllocator}. */
    public double[] unitPowersMw() {
        return unitPowerMw.clone();
    }
}
