package org.pimsyn.synth.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.AdcBank;
import org.pimsyn.sim.arch.AluUnits;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.engine.RandomCases;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.synth.hardware.PhysicalLimit;
import org.pimsyn.synth.hardware.PhysicalLimits;

class AnyUnitsBoundTest {
    @Test
    void theBoundForAnyUnitsHoldsForEveryUnitCountWithinTheBudget() {
        SplittableRandom rnd = new SplittableRandom(31);
        Simulator simulator = new Simulator();
        int checked = 0;
        for (int c = 0; c < 200; c++) {
            Accelerator base = RandomCases.design(rnd);
            IrProgram p = RandomCases.program(rnd, base, 40);
            double bound = AnyUnitsBound.gopsPerWatt(simulator, base, TestDesigns.library(), p);
            for (int variant = 0; variant < 4; variant++) {
                // Other unit counts, and budgets from tight to loose.
                Accelerator sameBudget = withUnits(base, rnd, base.powerBudgetMw());
                assertEquals(bound, AnyUnitsBound.gopsPerWatt(simulator, sameBudget, TestDesigns.library(), p),
                        bound * 1e-9, "case " + c + ": unit counts do not change the bound");
                Accelerator acc = withUnits(base, rnd, variant == 0 ? 1e9 : 1 + rnd.nextDouble() * 200);
                Performance simulated = simulator.fitness(acc, TestDesigns.library(), p, RunPlan.images(1 + rnd.nextInt(3)));
                if (simulated.withinPowerBudget()) {
                    double own = AnyUnitsBound.gopsPerWatt(simulator, acc, TestDesigns.library(), p);
                    assertTrue(own >= simulated.gopsPerWatt() * (1 - 1e-12), "case " + c + " variant " + variant
                            + ": bound " + own + " below the simulated " + simulated.gopsPerWatt());
                    checked++;
                }
            }
        }
        assertTrue(checked > 200, checked + " runs within their budget");
    }

    @Test
    void withAColumnsPerAdcLimitTheBoundHoldsForEveryUnitCountTheLimitAllowsAndIsTighter() {
        SplittableRandom rnd = new SplittableRandom(37);
        Simulator simulator = new Simulator();
        PhysicalLimits limits = new PhysicalLimits(null, new PhysicalLimit(64, "test"), null, null, "");
        int checked = 0;
        int tighter = 0;
        for (int c = 0; c < 200; c++) {
            Accelerator base = RandomCases.design(rnd);
            IrProgram p = RandomCases.program(rnd, base, 40);
            for (int variant = 0; variant < 4; variant++) {
                Accelerator acc = withUnits(base, rnd, variant == 0 ? 1e9 : 1 + rnd.nextDouble() * 2000);
                acc = withLeastAdcs(acc, limits, rnd);
                double limited = AnyUnitsBound.gopsPerWatt(simulator, acc, TestDesigns.library(), p, limits);
                double free = AnyUnitsBound.gopsPerWatt(simulator, acc, TestDesigns.library(), p);
                assertTrue(limited <= free * (1 + 1e-12), "case " + c + ": " + limited + " above " + free);
                if (limited < free * (1 - 1e-6)) {
                    tighter++;
                }
                Performance simulated = simulator.fitness(acc, TestDesigns.library(), p,
                        RunPlan.images(1 + rnd.nextInt(3)));
                if (simulated.withinPowerBudget()) {
                    assertTrue(limited >= simulated.gopsPerWatt() * (1 - 1e-12), "case " + c + " variant "
                            + variant + ": bound " + limited + " below the simulated " + simulated.gopsPerWatt());
                    checked++;
                }
            }
        }
        assertTrue(checked > 100, checked + " runs within their budget");
        assertTrue(tighter > 100, tighter + " bounds tighter with the limit");
    }

    /** The design with, in every macro holding crossbars, its least ADCs under the limits plus 0-3. */
    private static Accelerator withLeastAdcs(Accelerator a, PhysicalLimits limits, SplittableRandom rnd) {
        List<Macro> macros = new ArrayList<>();
        for (Macro m : a.macros()) {
            long least = LimitCheck.leastAdcs(m, limits);
            AdcBank adcs = m.adcs().count() == 0 || least == 0 ? m.adcs()
                    : new AdcBank((int) least + rnd.nextInt(4), m.adcs().resolutionBits());
            macros.add(new Macro(m.row(), m.col(), m.layers(), m.crossbars(), m.dacs(), adcs, m.alus(),
                    m.scratchpad()));
        }
        return new Accelerator(a.clockGhz(), a.meshRows(), a.meshCols(), a.dataBits(), a.layerCount(),
                a.layerNames(), macros, a.noc(), a.powerBudgetMw(), a.macsPerImage());
    }

    /** The design with 1-8 units in every ADC bank and ALU pool, under the given power budget. */
    static Accelerator withUnits(Accelerator a, SplittableRandom rnd, double budgetMw) {
        List<Macro> macros = new ArrayList<>();
        for (Macro m : a.macros()) {
            List<AluUnits> alus = new ArrayList<>();
            for (AluUnits u : m.alus()) {
                alus.add(new AluUnits(u.kind(), 1 + rnd.nextInt(8), u.vectorWidth()));
            }
            AdcBank adcs = m.adcs().count() == 0 ? m.adcs()
                    : new AdcBank(1 + rnd.nextInt(8), m.adcs().resolutionBits());
            macros.add(new Macro(m.row(), m.col(), m.layers(), m.crossbars(), m.dacs(), adcs, alus,
                    m.scratchpad()));
        }
        return new Accelerator(a.clockGhz(), a.meshRows(), a.meshCols(), a.dataBits(), a.layerCount(),
                a.layerNames(), macros, a.noc(), budgetMw, a.macsPerImage());
    }
}
