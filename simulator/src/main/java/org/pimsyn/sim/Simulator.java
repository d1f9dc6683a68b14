package org.pimsyn.sim;

import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.energy.EnergyBreakdown;
import org.pimsyn.sim.energy.EnergyModel;
import org.pimsyn.sim.engine.Activity;
import org.pimsyn.sim.engine.RunPlan;
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

    /** Simulates and returns the counts, unpriced (price with {@link #price}). */
    public Activity simulate(Accelerator accelerator, ComponentLibrary library, IrProgram program, int images,
            SimulationObserver observer) {
        return engine.run(accelerator, library, program, images, observer);
    }

    /**
     * Binds and counts without running the event loop: every action count and busy time, no timing; the interval
     * is the bottleneck's busy time per image, the shortest any run can measure.
     */
    public Activity count(Accelerator accelerator, ComponentLibrary library, IrProgram program, int images) {
        return engine.count(accelerator, library, program, images);
    }

    /** Prices a run's counts over its makespan. */
    public static EnergyBreakdown price(Activity activity, ComponentLibrary library) {
        return EnergyModel.price(activity.actions(), activity.timeNs(), library);
    }

    /** Simulates as the plan says. */
    public Activity simulate(Accelerator accelerator, ComponentLibrary library, IrProgram program, RunPlan plan,
            SimulationObserver observer) {
        return engine.run(accelerator, library, program, plan, observer);
    }

    /** Simulates {@code images} images, prices with the same library and builds the full report. */
    public SimulationReport report(Accelerator accelerator, ComponentLibrary library, IrProgram program, int images,
            SimulationObserver observer) {
        return report(accelerator, library, program, RunPlan.images(images), observer);
    }

    /** Simulates as the plan says, prices with the same library and builds the full report. */
    public SimulationReport report(Accelerator accelerator, ComponentLibrary library, IrProgram program,
            RunPlan plan, SimulationObserver observer) {
        Activity activity = engine.run(accelerator, library, program, plan, observer);
        return SimulationReport.of(activity, price(activity, library), library.notPriced());
    }

    /**
     * The search's fitness evaluation: simulates as the plan says without observer and returns only the headline
     * figures (cycles, interval, energy per image, power, GOPS, GOPS/W, budget and scratchpad checks), without
     * building the per-layer and per-resource report.
     */
    public Performance fitness(Accelerator accelerator, ComponentLibrary library, IrProgram program, int images) {
        return fitness(accelerator, library, program, RunPlan.images(images));
    }

    /** {@link #fitness} of a run as the plan says. */
    public Performance fitness(Accelerator accelerator, ComponentLibrary library, IrProgram program, RunPlan plan) {
        Activity activity = engine.run(accelerator, library, program, plan, SimulationObserver.NONE);
        return Performance.of(activity, price(activity, library));
    }

    /**
     * A bound on {@link #fitness}'s GOPS/W for this design and program, found without simulating: counts and
     * busy times are exact without timing, and the interval of any run is at least the bottleneck's busy time
     * per image, where the energy per image (dynamic plus static power x interval) is least. The bound ignores
     * the power budget and scratchpad checks, which can only lower the fitness to 0.
     */
    public double gopsPerWattBound(Accelerator accelerator, ComponentLibrary library, IrProgram program) {
        Activity counted = engine.count(accelerator, library, program, 1);
        return Performance.of(counted, price(counted, library)).gopsPerWatt();
    }
}
