package org.pimsyn.synth.design;

import org.pimsyn.sim.chip.AreaModel;
import org.pimsyn.sim.chip.PeakFigures;
import org.pimsyn.sim.report.Performance;

/**
 * The figures a synthesized design is compared by beyond its objective, what the Pareto front and the outputs
 * list: the simulated (effective) throughput and power efficiency, the steady-state power its simulation drew, its
 * peak power (the power budget's rule) and its chip area.
 *
 * @param throughputGops     simulated steady-state throughput, GOPS at 2 operations per MAC
 * @param gopsPerWatt        simulated power efficiency
 * @param steadyStatePowerMw simulated steady-state power
 * @param peakPowerMw        every instance at its peak power, what the budget is checked against
 * @param areaMm2            chip area, or null where the library leaves some instantiated entry's area out
 */
public record DesignFigures(double throughputGops, double gopsPerWatt, double steadyStatePowerMw,
        double peakPowerMw, Double areaMm2) {

    public static DesignFigures of(Design design) {
        Performance p = design.performance();
        return new DesignFigures(p.throughputGops(), p.gopsPerWatt(), p.steadyStatePowerMw(),
                PeakFigures.powerMw(design.accelerator(), design.library()),
                AreaModel.of(design.accelerator(), design.library()).areaMm2());
    }
}
