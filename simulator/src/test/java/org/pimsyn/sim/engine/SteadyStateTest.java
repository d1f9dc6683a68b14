package org.pimsyn.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.ir.IrProgramBuilder;

/** A run until steady reports the interval a long run shows. */
class SteadyStateTest {
    private static final int CASES = 300;
    private static final int LONG_RUN = 96;

    @Test
    void theSteadyIntervalIsTheSlopeOfALongRunOnGeneratedDesigns() {
        SplittableRandom rnd = new SplittableRandom(20261206);
        SimulationEngine engine = new SimulationEngine();
        int repeated = 0;
        int windowsOff = 0;
        int fixedRepeated = 0;
        for (int c = 0; c < CASES; c++) {
            Accelerator acc = RandomCases.design(rnd);
            IrProgram p = RandomCases.program(rnd, acc, 40);
            Arbitration order = rnd.nextBoolean() ? Arbitration.OLDEST_IMAGE_FIRST : Arbitration.EARLIEST_READY;
            Activity steady = engine.run(acc, TestDesigns.library(), p, RunPlan.untilSteady().withArbitration(order),
                    null);
            Activity longRun = engine.run(acc, TestDesigns.library(), p, new RunPlan(LONG_RUN, null, order), null);
            // The long run's slope from image 32 to image 80: long past the filling, before the stream drains (its
            // last images, with no image behind them, compete less). Over whole periods of a repeating schedule.
            int span = 48 / steady.repeatedPeriodImages() * steady.repeatedPeriodImages();
            double slope = Math.max(steady.bottleneckCycles(),
                    (longRun.imageEndCycle(32 + span) - longRun.imageEndCycle(32)) / (double) span);
            double error = Math.abs(slope - steady.intervalCycles()) / slope;
            String where = "case " + c + " (" + p.size() + " IRs, " + order.label() + "): " + steady.images()
                    + " images, interval " + steady.intervalCycles() + ", long run's slope " + slope;
            assertTrue(steady.intervalCycles() >= steady.bottleneckCycles(), where + ": never below the bound");
            // A run stopped at its steady state abandons its later images; it changes nothing before. So does one
            // that reached its most images: it streamed a window beyond them.
            for (int i = 0; i < steady.images(); i++) {
                assertEquals(longRun.imageEndCycle(i), steady.imageEndCycle(i), where + ": image " + i + "'s end");
            }
            Activity sixteen = engine.run(acc, TestDesigns.library(), p, new RunPlan(16, null, order), null);
            assertEquals(16, sixteen.images(), where + ": a fixed run streams every image");
            if (sixteen.scheduleRepeated()) {
                // Recognized early enough in the run that its end changed nothing yet: the stream's own repetition.
                fixedRepeated++;
                assertTrue(steady.scheduleRepeated(), where);
                assertEquals(steady.intervalCycles(), sixteen.intervalCycles(), where + ": 16 images");
                assertTrue(sixteen.intervalConverged(), where);
            }
            if (steady.scheduleRepeated()) {
                repeated++;
                // S / p cycles exactly, which the interval rounds up to whole cycles.
                assertEquals((long) Math.ceil(slope - 1e-9), steady.intervalCycles(),
                        where + ": a repeating schedule goes on repeating");
            } else {
                // Tiny random pipelines can settle slowly: two windows may agree while the gaps still drift.
                assertTrue(error <= 0.08, where);
                windowsOff += error > 0.005 ? 1 : 0;
            }
        }
        assertTrue(fixedRepeated > CASES / 3, fixedRepeated + " of " + CASES + " 16-image runs saw the repetition");
        assertTrue(repeated > CASES / 2, repeated + " of " + CASES + " schedules repeated themselves exactly");
        assertTrue(windowsOff <= CASES / 15, windowsOff + " of " + (CASES - repeated)
                + " intervals decided by windows are more than 0.5 % off the long run");
    }

    @Test
    void aChainThatRepeatsItselfStopsAfterTheWarmUpWithTheExactInterval() {
        // A load of 4 cycles and an MVM of 12 (TestDesigns' latencies): the MVM is the bound, 12 cycles. Alone, an
        // image takes 16 cycles, so the window is ceil(16 / 12) + 1 = 3 images: images 0 to 2 arrive at cycle 0.
        // Images 0 and 1 load at 0 and 4; image 2 waits for one of the two input registers, which image 0's MVM
        // gives back at 16. The MVMs run back to back from 4, and image k ends at 16 + 12k. Image k >= 3 arrives when
        // image k - 3 ends, at 12k - 20, loads 12 cycles later, when image k - 2's MVM gives its register back, and
        // starts its MVM 24 cycles after its arrival: from image 3 on every image repeats the one before, shifted by
        // 12 cycles. An input register given back by an image's MVM is taken by the load two images later, so the
        // image before the one that ends must repeat too: images 4 and 5 are the first two in a row that arrived 12
        // cycles after the one before and repeat it. When image 5 ends, at 76, images 6 and 7 are in flight, arrived
        // 12 cycles after images 5 and 6, and have started what those had started 12 cycles earlier, at 64 (image 6
        // its load at 64, image 7 nothing; image 5 had loaded at 52, image 6 nothing). The state at 76 is the state
        // at 64 shifted by an image: the run stops with 6 images.
        Accelerator acc = TestDesigns.design(1, 1, 1).macro(0, 0).serves(0).crossbars(0, 1).add().build();
        IrProgramBuilder b = new IrProgramBuilder();
        int load = b.addLoad(0, 0, 64, 0);
        int mvm = b.addMvm(0, 0, 0, 1, 0);
        b.addEdge(load, mvm);
        Activity a = new SimulationEngine().run(acc, TestDesigns.library(), b.build(), RunPlan.untilSteady(), null);
        assertEquals(6, a.images());
        assertTrue(a.scheduleRepeated());
        assertTrue(a.intervalConverged());
        assertEquals(12, a.intervalCycles());
        assertEquals(12, a.bottleneckCycles());
        assertEquals(16 + 5 * 12, a.cycles(), "image 5 ends at 16 + 60");
        assertEquals(36, a.streamLatencyCycles(), "image 5 arrives at 40, when image 2 ends, and ends at 76");
        assertEquals(6 * 12, a.busyCycles(0), "the crossbars: 6 images x 12 MVM cycles");
        // A run of exactly 16 images sees the same repetition at image 5, goes on, and reports the same interval.
        Activity fixed = new SimulationEngine().run(acc, TestDesigns.library(), b.build(), RunPlan.images(16), null);
        assertEquals(16, fixed.images());
        assertTrue(fixed.scheduleRepeated());
        assertEquals(1, fixed.repeatedPeriodImages());
        assertEquals(12, fixed.intervalCycles());
        assertEquals(16 + 15 * 12, fixed.cycles(), "image 15 ends at 180 + 16");
    }

    @Test
    void windowsOfGapsDecideWhereTheScheduleDoesNotRepeat() {
        SteadyStateRule rule = new SteadyStateRule(3, 8, 0.01, 64);
        long[] ends = new long[64];
        // Gaps of 100 and 104 in an irregular mix: windows of 8 agree within 1 %, a single gap does not.
        int[] pattern = {100, 104, 100, 100, 104, 100, 104, 100};
        for (int i = 1; i < ends.length; i++) {
            ends[i] = ends[i - 1] + (i < 4 ? 300 : pattern[i % pattern.length]);
        }
        assertFalse(rule.converged(ends, 18), "3 warm-up gaps and two windows of 8 need 20 images");
        assertTrue(rule.converged(ends, 19));
        long[] growing = new long[64];
        for (int i = 1; i < growing.length; i++) {
            growing[i] = growing[i - 1] + 100 + 2L * i;
        }
        assertFalse(rule.converged(growing, 19), "gaps growing by 2 % per window do not converge");
    }
}
