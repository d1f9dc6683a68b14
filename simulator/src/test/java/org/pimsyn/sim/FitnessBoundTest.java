package org.pimsyn.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.engine.Activity;
import org.pimsyn.sim.engine.RandomCases;
import org.pimsyn.sim.engine.SimulationEngine;
import org.pimsyn.sim.engine.SimulationObserver;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.report.IntervalBasis;
import org.pimsyn.sim.report.Performance;

class FitnessBoundTest {
    private static final int CASES = 300;

    @Test
    void theBoundIsNeverBelowTheSimulatedFitnessAndEqualsItWhereTheBottleneckSetsTheInterval() {
        SplittableRandom rnd = new SplittableRandom(7_2024);
        Simulator simulator = new Simulator();
        int atBottleneck = 0;
        for (int c = 0; c < CASES; c++) {
            Accelerator acc = RandomCases.design(rnd);
            IrProgram p = RandomCases.program(rnd, acc, 40);
            int images = 1 + rnd.nextInt(3);
            Performance simulated = simulator.fitness(acc, TestDesigns.library(), p, images);
            double bound = simulator.gopsPerWattBound(acc, TestDesigns.library(), p);
            String where = "case " + c + " (" + p.size() + " IRs, " + images + " images)";
            assertTrue(bound >= simulated.gopsPerWatt(), where + ": bound " + bound + " below the simulated "
                    + simulated.gopsPerWatt());
            if (simulated.intervalBasis() == IntervalBasis.BOTTLENECK) {
                assertEquals(simulated.gopsPerWatt(), bound, simulated.gopsPerWatt() * 1e-12, where);
                atBottleneck++;
            }
        }
        assertTrue(atBottleneck > 0, "some cases run at their bottleneck");
    }

    @Test
    void countingWithoutTimingGivesTheSimulationsCountsAndNoTiming() {
        SplittableRandom rnd = new SplittableRandom(99);
        SimulationEngine engine = new SimulationEngine();
        for (int c = 0; c < 50; c++) {
            Accelerator acc = RandomCases.design(rnd);
            IrProgram p = RandomCases.program(rnd, acc, 30);
            int images = 1 + rnd.nextInt(3);
            Activity timed = engine.run(acc, TestDesigns.library(), p, images, SimulationObserver.NONE);
            Activity counted = engine.count(acc, TestDesigns.library(), p, images);
            assertTrue(timed.timed());
            assertFalse(counted.timed());
            assertEquals(0, counted.cycles());
            assertFalse(counted.intervalMeasured());
            assertEquals(timed.bottleneckCycles(), counted.intervalCycles());
            assertEquals(Simulator.price(timed, TestDesigns.library()).dynamicPj(),
                    Simulator.price(counted, TestDesigns.library()).dynamicPj());
            for (int r = 0; r < timed.resources().size(); r++) {
                assertEquals(timed.busyCycles(r), counted.busyCycles(r), "case " + c + " resource " + r);
                assertEquals(0, counted.waitCycles(r));
            }
        }
    }
}
