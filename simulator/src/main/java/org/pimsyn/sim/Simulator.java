package org.pimsyn.sim;

import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.energy.ComponentLibrary;
import org.pimsyn.sim.energy.EnergyModel;
import org.pimsyn.sim.engine.Activity;
import org.pimsyn.sim.engine.SimulationEngine;
import org.pimsyn.sim.engine.SimulationObserver;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.sim.report.SimulationReport;

/**
 * The simulator's front door: an accelerator, a component library and an IR program in; counted activity, a
 * full report, or just the fitness figures out. An instance reuses its per-IR buffers from call to call, so
 * keep one per thread (it is not thread-safe) and call it as often as needed.
 */
public final class Simulator {
    private final SimulationEngine engine = new SimulationEngine();

    /** Simulates and returns the counts, unpriced (price with {@link EnergyModel#price}). */
    public Activity simulate(Accelerator accelerator, ComponentLibrary library, IrProgram program, int images,
            SimulationObserver observer) {
        return engine.run(accelerator, library, program, images, observer);
    }

    /** Simulates, prices with the same library and builds the full report. */
    public SimulationReport report(Accelerator accelerator, ComponentLibrary library, IrProgram program, int images,
            SimulationObserver observer) {
        Activity activity = engine.run(accelerator, library, program, images, observer);
        return SimulationReport.of(activity, EnergyModel.price(activity, library));
    }

    /**
     * The search's fitness evaluation: simulates without observer and returns only the headline figures
     * (cycles, interval, energy per image, power, GOPS, GOPS/W, budget and scratchpad checks), without
     * building the per-layer and per-resource report.
     */
    public Performance fitness(Accelerator accelerator, ComponentLibrary library, IrProgram program, int images) {
        Activity activity = engine.run(accelerator, library, program, images, SimulationObserver.NONE);
        return Performance.of(activity, EnergyModel.price(activity, library));
    }
}
