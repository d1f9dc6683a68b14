package org.pimsyn.sim.chip;

import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.CrossbarGroup;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.component.ComponentClass;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.count.ComponentInventory;
import org.pimsyn.sim.energy.EnergyModel;
import org.pimsyn.sim.timing.TimingRules;

/**
 * What a design could do at most, the metric of the PIMSYN paper's Table IV, beside the effective figures a
 * simulation of a network gives.
 *
 * <p>Convention: every crossbar busy all the time on operands of {@code weightBits} x {@code activationBits} (16 x 16
 * in every shipped library), 2 operations per MAC. A crossbar of R x R cells of c bits, fed by DACs of d bits, does
 * R x R MACs of those operands per ceil(weightBits / c) crossbars (the weight's slices) and per ceil(activationBits
 * / d) MVMs (the input's bit slices), each MVM taking the simulator's time for it, {@link TimingRules#mvmNs}:
 * <pre>
 * throughput = 2 x sum over crossbars of R x R / (ceil(weightBits / c) x ceil(activationBits / d) x MVM ns)
 * </pre>
 * Peak power is the sum of every instantiated component's peak power, what the power budget checks. ISAAC quotes
 * its 41.3 TOPS and 0.63 TOPS/W under this convention.
 *
 * @param throughputTops 10^12 operations per second
 * @param powerMw        every component at its peak
 * @param topsPerMm2     null where the area is unknown
 */
public record PeakFigures(int weightBits, int activationBits, int opsPerMac, double throughputTops, double powerMw,
        double topsPerWatt, Double topsPerMm2) {
    public static final int OPS_PER_MAC = 2;

    public static PeakFigures of(Accelerator accelerator, ComponentLibrary library, int weightBits, ChipArea area) {
        double tops = throughputTops(accelerator, library, weightBits);
        double powerMw = powerMw(accelerator, library);
        return new PeakFigures(weightBits, accelerator.dataBits(), OPS_PER_MAC, tops, powerMw, tops / (powerMw / 1e3),
                area.known() ? tops / area.areaMm2() : null);
    }

    /** Peak operations per second, in TOPS, by the convention above. */
    public static double throughputTops(Accelerator accelerator, ComponentLibrary library, int weightBits) {
        double opsPerNs = 0;
        int inputBits = accelerator.dataBits();
        for (Macro macro : accelerator.macros()) {
            int dacBits = macro.dacs().resolutionBits();
            double dacNs = library.dac(dacBits).latencyNs(ComponentClass.CONVERT);
            for (CrossbarGroup g : macro.crossbars()) {
                double readNs = library.crossbar(g.size(), g.cellBits()).latencyNs(ComponentClass.READ);
                double mvmNs = TimingRules.mvmNs(dacNs, readNs, accelerator.clockGhz());
                long slices = (long) TimingRules.ceilDiv(weightBits, g.cellBits())
                        * TimingRules.ceilDiv(inputBits, dacBits);
                opsPerNs += OPS_PER_MAC * (double) g.count() * g.size() * g.size() / (slices * mvmNs);
            }
        }
        // ops per ns x 10^9 = ops per s; / 10^12 = TOPS.
        return opsPerNs / 1e3;
    }

    /** The sum of every instantiated component's peak power, in mW. */
    public static double powerMw(Accelerator accelerator, ComponentLibrary library) {
        double sum = 0;
        for (double mw : EnergyModel.peakPowerMw(ComponentInventory.of(accelerator), library).values()) {
            sum += mw;
        }
        return sum;
    }
}
