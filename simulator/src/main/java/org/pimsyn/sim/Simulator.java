package org.pimsyn.sim;

import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.AluUnits;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.energy.AdcCost;
import org.pimsyn.sim.energy.AluCost;
import org.pimsyn.sim.energy.EnergyBreakdown;
import org.pimsyn.sim.energy.ComponentLibrary;
import org.pimsyn.sim.energy.EnergyModel;
import org.pimsyn.sim.engine.Activity;
import org.pimsyn.sim.engine.ResourceKind;
import org.pimsyn.sim.engine.ResourceTable;
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

    /**
     * A bound on {@link #fitness}'s GOPS/W for this design and program, found without simulating: counts and
     * busy times are exact without timing, and the interval of any run is at least the bottleneck's busy time
     * per image, where the energy per image (dynamic plus static power x interval) is least. The bound ignores
     * the power budget and scratchpad checks, which can only lower the fitness to 0.
     */
    public double gopsPerWattBound(Accelerator accelerator, ComponentLibrary library, IrProgram program) {
        Activity counted = engine.count(accelerator, library, program, 1);
        return Performance.of(counted, EnergyModel.price(counted, library)).gopsPerWatt();
    }

    /**
     * A bound on {@link #fitness}'s GOPS/W for this program on this design with any number of ADC and ALU units in
     * any macro (at least one wherever an IR needs them), for runs within the accelerator's power budget, found
     * without simulating. Energy per image E is dynamic energy D (which unit counts do not change: conversions and
     * unit operations are counted per IR) plus static power x interval T. T is at least the busy time per image
     * of every crossbar set, scratchpad and link. A bank of u ADCs holding an IR of w conversions for ceil(w / u)
     * conversion times (each in whole cycles) is busy u x that, at least w conversion times, so u units leak at
     * least their static power x the macro's conversions x the conversion time per image whatever u is (U, with ALU
     * units and their unit operations likewise). Within the budget B, the steady-state power E / T is at most B,
     * so T >= E / B. With R the static power of all but those units: E >= D + R x T + U and
     * E >= (D + U) / (1 - R / B).
     */
    public double gopsPerWattBoundForAnyUnits(Accelerator accelerator, ComponentLibrary library,
            IrProgram program) {
        Activity counted = engine.count(accelerator, library, program, 1);
        EnergyBreakdown energy = EnergyModel.price(counted, library);
        double unitStaticMw = 0;
        double unitStaticPj = 0;
        for (int m = 0; m < accelerator.macros().size(); m++) {
            Macro macro = accelerator.macros().get(m);
            if (macro.adcs().count() > 0) {
                AdcCost adc = library.adc(macro.adcs().resolutionBits());
                double conversionNs = counted.nanoseconds(accelerator.cyclesOf(adc.latencyNs()));
                unitStaticMw += macro.adcs().count() * adc.staticPowerMw();
                unitStaticPj += counted.adcConversions(m) * conversionNs * adc.staticPowerMw();
            }
            for (AluUnits units : macro.alus()) {
                AluCost alu = library.alu(units.kind());
                double operationNs = counted.nanoseconds(accelerator.cyclesOf(alu.latencyNs()));
                unitStaticMw += units.count() * alu.staticPowerMw();
                unitStaticPj += counted.aluOps(m, units.kind()) * operationNs * alu.staticPowerMw();
            }
        }
        ResourceTable resources = counted.resources();
        long otherBusyCycles = 1;
        for (int r = 0; r < resources.size(); r++) {
            ResourceKind kind = resources.kind(r);
            if (kind != ResourceKind.ADC_BANK && kind != ResourceKind.ALU) {
                otherBusyCycles = Math.max(otherBusyCycles, counted.busyCyclesPerImage(r));
            }
        }
        double restMw = energy.staticPowerMw() - unitStaticMw;
        double perImagePj = energy.dynamicPj() + restMw * counted.nanoseconds(otherBusyCycles) + unitStaticPj;
        double budgetMw = accelerator.powerBudgetMw();
        if (restMw >= budgetMw) {
            return 0;
        }
        perImagePj = Math.max(perImagePj, (energy.dynamicPj() + unitStaticPj) / (1 - restMw / budgetMw));
        return perImagePj <= 0 ? 0 : 2.0 * accelerator.macsPerImage() * 1000 / perImagePj;
    }
}
