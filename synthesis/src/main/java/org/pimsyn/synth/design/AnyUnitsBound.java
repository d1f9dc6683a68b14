package org.pimsyn.synth.design;

import java.util.List;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentArea;
import org.pimsyn.sim.component.ComponentClass;
import org.pimsyn.sim.component.ComponentEntry;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.count.ActionCounts;
import org.pimsyn.sim.count.InventoryItem;
import org.pimsyn.sim.energy.EnergyBreakdown;
import org.pimsyn.sim.engine.Activity;
import org.pimsyn.sim.engine.ResourceKind;
import org.pimsyn.sim.engine.ResourceTable;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.timing.TimingRules;
import org.pimsyn.synth.hardware.PhysicalLimits;

/**
 * A bound on the simulated GOPS/W of a program on a design with any number of ADC and ALU units in any macro (at
 * least one wherever an IR needs them), for runs within the accelerator's power budget, found by counting without
 * simulating: stage 4's freedom, which the search uses to skip genes that cannot matter.
 *
 * <p>Energy per image E is dynamic energy D (which unit counts do not change: conversions and unit operations are
 * counted per IR) plus static power x interval T. T is at least the busy time per image of every crossbar set,
 * scratchpad and link. A bank of u ADCs holding an IR of w conversions for ceil(w / u) conversion times (each in
 * whole cycles) is busy u x that, at least w conversion times, so u units leak at least their static power x the
 * macro's conversions x the conversion time per image whatever u is (U, with ALU units and their unit operations
 * likewise). Within the budget B, the steady-state power E / T is at most B, so T >= E / B. With R the static power
 * of all but those units: E >= D + R x T + U and E >= (D + U) / (1 - R / B).
 *
 * <p>The library's physical limits leave it admissible: the limits on crossbars per macro and on the mesh are already
 * in the accelerator it counts, and the least ADCs a macro's crossbar columns need
 * ({@link org.pimsyn.synth.hardware.PhysicalLimits#columnsPerAdc}), A_m for macro m, are one of the "any number" of
 * units it ranges over. It uses them to be tighter: those A_m ADCs leak through the whole interval, busy or not, so
 * macro m's ADCs leak at least {@code max(U_m, A_m x s x T)} (s an ADC's static power), and with U'' the leakage
 * bound of the other units and A the sum of the A_m, {@code E >= (D + U'') / (1 - (R + A x s) / B)} as well.
 */
public final class AnyUnitsBound {
    private AnyUnitsBound() {
    }

    /** The bound in GOPS/W; 0 where the other parts' static power reaches the budget. */
    public static double gopsPerWatt(Simulator simulator, Accelerator accelerator, ComponentLibrary library,
            IrProgram program) {
        return gopsPerWatt(simulator, accelerator, library, program, PhysicalLimits.NONE);
    }

    /** The bound where every macro holds at least the ADCs its crossbar columns need under {@code limits}. */
    public static double gopsPerWatt(Simulator simulator, Accelerator accelerator, ComponentLibrary library,
            IrProgram program, PhysicalLimits limits) {
        DesignFloors floors = floors(simulator, accelerator, library, program, limits);
        return floors == null || floors.energyPerImagePj() <= 0 ? 0
                : 2.0 * floors.macsPerImage() * 1000 / floors.energyPerImagePj();
    }

    /**
     * The floors of every run within the budget with any units (at least the ADCs {@code limits} force; the busy
     * time is the busiest crossbar set, scratchpad or link; the area has at least one unit wherever an IR needs one
     * and every scratchpad at the library's smallest area, since the search may grow them), or null
     * where the other parts' static power with those ADCs reaches the budget, so that no run is within it.
     */
    public static DesignFloors floors(Simulator simulator, Accelerator accelerator, ComponentLibrary library,
            IrProgram program, PhysicalLimits limits) {
        Activity counted = simulator.count(accelerator, library, program, 1);
        EnergyBreakdown energy = Simulator.price(counted, library);
        ActionCounts actions = counted.actions();
        double clockGhz = accelerator.clockGhz();
        ResourceTable resources = counted.resources();
        long otherBusyCycles = 1;
        for (int r = 0; r < resources.size(); r++) {
            ResourceKind kind = resources.kind(r);
            if (kind != ResourceKind.ADC_BANK && kind != ResourceKind.ALU) {
                otherBusyCycles = Math.max(otherBusyCycles, counted.busyCyclesPerImage(r));
            }
        }
        double otherBusyNs = counted.nanoseconds(otherBusyCycles);
        long[] forcedAdcs = forcedAdcs(accelerator, limits);
        double leastScratchpadMm2 = Double.POSITIVE_INFINITY;
        for (ComponentEntry s : library.scratchpads()) {
            leastScratchpadMm2 = Math.min(leastScratchpadMm2, areaMm2(library, s.componentClass(), s.variant()));
        }
        double unitStaticMw = 0;
        // What the units leak while busy (U), the same with each macro's forced ADCs leaking through T (U_held),
        // and U less the ADCs that are forced (U'').
        double unitStaticPj = 0;
        double unitHeldPj = 0;
        double unforcedPj = 0;
        double forcedAdcMw = 0;
        double areaMm2 = 0;
        // One pass over the inventory, in its order (per macro the ADCs, then the ALU kinds): the ADC and ALU units.
        List<InventoryItem> items = actions.items();
        for (int i = 0; i < items.size(); i++) {
            InventoryItem item = items.get(i);
            if (item.count() == 0) {
                continue;
            }
            boolean adc = item.componentClass().equals(ComponentClass.ADC);
            if (!(adc || ComponentClass.isAlu(item.componentClass()))) {
                areaMm2 += item.count() * (item.componentClass().equals(ComponentClass.SCRATCHPAD)
                        ? leastScratchpadMm2 : areaMm2(library, item.componentClass(), item.variant()));
                continue;
            }
            ComponentEntry unit = library.entry(item.componentClass(), item.variant());
            String action = adc ? ComponentClass.CONVERT : ComponentClass.OPERATE;
            double actionNs = TimingRules.clockedNs(unit.latencyNs(action), clockGhz);
            unitStaticMw += item.count() * unit.staticPowerMw();
            double busyPj = actions.count(i, action) * actionNs * unit.staticPowerMw();
            unitStaticPj += busyPj;
            long leastUnits = actions.count(i, action) > 0 ? 1 : 0;
            if (adc && item.macro() >= 0 && forcedAdcs[item.macro()] > 0) {
                double heldMw = forcedAdcs[item.macro()] * unit.staticPowerMw();
                leastUnits = Math.max(leastUnits, forcedAdcs[item.macro()]);
                // Counted once per macro, whatever bank of it this item is.
                forcedAdcs[item.macro()] = 0;
                forcedAdcMw += heldMw;
                unitHeldPj += Math.max(busyPj, heldMw * otherBusyNs);
            } else {
                unitHeldPj += busyPj;
                unforcedPj += busyPj;
            }
            areaMm2 += leastUnits * areaMm2(library, item.componentClass(), item.variant());
        }
        double restMw = energy.staticPowerMw() - unitStaticMw;
        double budgetMw = accelerator.powerBudgetMw();
        if (restMw + forcedAdcMw >= budgetMw) {
            return null;
        }
        double perImagePj = energy.dynamicPj() + restMw * otherBusyNs + unitHeldPj;
        perImagePj = Math.max(perImagePj, (energy.dynamicPj() + unitStaticPj) / (1 - restMw / budgetMw));
        perImagePj = Math.max(perImagePj, (energy.dynamicPj() + unforcedPj) / (1 - (restMw + forcedAdcMw) / budgetMw));
        return new DesignFloors(perImagePj, otherBusyNs, budgetMw, areaMm2, accelerator.macsPerImage());
    }

    /** An entry's area per instance, 0 where the library leaves it out. */
    private static double areaMm2(ComponentLibrary library, String componentClass, String variant) {
        ComponentArea area = library.area(componentClass, variant);
        return area == null ? 0 : area.areaMm2();
    }

    /** Per macro, the ADCs its crossbar columns need under the limits; 0 without the limit of columns per ADC. */
    private static long[] forcedAdcs(Accelerator accelerator, PhysicalLimits limits) {
        long[] least = new long[accelerator.macros().size()];
        for (int m = 0; m < least.length; m++) {
            least[m] = LimitCheck.leastAdcs(accelerator.macros().get(m), limits);
        }
        return least;
    }
}
