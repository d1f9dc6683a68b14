package org.pimsyn.synth.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.engine.Activity;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.sim.report.IntervalBasis;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;
import org.pimsyn.synth.stage.partition.MacroGene;

/**
 * The interval a synthesized design's report states is what a long stream shows: on many designs the stages build
 * (random macro genes of the small network at several budgets, duplications and macro settings), the fitness run's
 * interval and the slope of a 96-image run agree within 0.5 % (all 112 built here; the test allows a few to be
 * within 3 %, as windows of gaps can agree off a long run's mean where gaps stay a few percent apart).
 */
class SteadyStateDesignsTest {
    private static final int DESIGNS = 120;
    private static final int LONG_RUN = 96;

    @Test
    void theFitnessRunsIntervalIsTheSlopeOfALongRunOnGeneratedDesigns() {
        SplittableRandom rnd = new SplittableRandom(16);
        Simulator simulator = new Simulator();
        int built = 0;
        int beyondHalfPercent = 0;
        for (int c = 0; c < DESIGNS; c++) {
            double budgetMw = 800 + rnd.nextInt(6000);
            MacroMode mode = rnd.nextBoolean() ? MacroMode.SPECIFIED : MacroMode.UNIFIED;
            boolean sharing = rnd.nextBoolean();
            SynthesisRequest request = SmallDesigns.request(budgetMw, mode, sharing);
            int[] dup = {1 + rnd.nextInt(24), 1 + rnd.nextInt(6), 1 + rnd.nextInt(3), 1};
            DuplicationCandidate duplication = new DuplicationCandidate(dup, 0, 0);
            DesignEvaluator evaluator = SmallDesigns.evaluator(request, duplication, SmallDesigns.POINT);
            if (!evaluator.rules().feasible()) {
                continue;
            }
            MacroGene gene = evaluator.rules().random(rnd, sharing ? 0.5 : 0);
            DesignEvaluator.Evaluation e = evaluator.evaluate(gene);
            if (e.design() == null) {
                continue;
            }
            built++;
            Design d = e.design();
            Performance steady = d.performance();
            Activity longRun = simulator.simulate(d.accelerator(), d.library(), DataflowSkeleton.of(d.spec())
                    .compile(d.placement()).program(), RunPlan.images(LONG_RUN), null);
            // From image 32 to 80: long past the filling, before the stream drains.
            double slope = Math.max(steady.boundIntervalCycles(),
                    (longRun.imageEndCycle(80) - longRun.imageEndCycle(32)) / 48.0);
            String where = "design " + c + " (" + mode + ", " + budgetMw + " mW, duplications "
                    + java.util.Arrays.toString(dup) + ", gene " + gene + "): " + steady.images() + " images, interval "
                    + steady.intervalCycles() + " " + steady.intervalBasis() + ", long run's slope " + slope;
            assertEquals(IntervalBasis.CONVERGED, steady.intervalBasis(), where);
            double off = Math.abs(slope - steady.intervalCycles()) / slope;
            // Gaps that stay a few percent apart in no short pattern can make two windows agree off the long mean.
            assertTrue(off <= 0.03, where);
            beyondHalfPercent += off > 0.005 ? 1 : 0;
        }
        assertTrue(built > DESIGNS / 2, built + " of " + DESIGNS + " genes made a design");
        assertTrue(beyondHalfPercent <= built / 20, beyondHalfPercent + " of " + built + " designs more than 0.5 % off");
    }
}
