package org.pimsyn.sim.chip;

import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentLibrary;

/**
 * A design's area and peak figures, beside what a simulation measured: the area by class and macro, the effective
 * area efficiency (the simulated throughput over the chip's area) and the peak figures.
 *
 * @param gopsPerMm2 simulated throughput (GOPS, 2 operations per MAC) per mm2; null where the area is unknown
 */
public record ChipFigures(ChipArea area, Double gopsPerMm2, PeakFigures peak) {

    /**
     * @param weightBits     the design's weight precision, for the peak convention
     * @param throughputGops what the simulation measured
     */
    public static ChipFigures of(Accelerator accelerator, ComponentLibrary library, int weightBits,
            double throughputGops) {
        ChipArea area = AreaModel.of(accelerator, library);
        return new ChipFigures(area, area.known() ? throughputGops / area.areaMm2() : null,
                PeakFigures.of(accelerator, library, weightBits, area));
    }
}
