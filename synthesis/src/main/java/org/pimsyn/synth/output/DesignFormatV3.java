package org.pimsyn.synth.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.report.Performance;

/**
 * Reads design files of format versions 1 to 3. Their fitness simulation ran {@code fitnessImages} images (two),
 * all released at cycle 0 and served earliest-ready first: a timing model that no longer exists, whose interval was
 * the busiest resource's bound where the run was too short to measure one. The hardware and the dataflow they hold
 * are read as they are; the fitness run becomes today's default ({@link RunPlan#untilSteady()}) and the performance
 * is that run's, simulated anew: the recorded figures are dropped, not compared.
 */
final class DesignFormatV3 {
    private DesignFormatV3() {
    }

    /** Replaces {@code fitnessImages} by today's default {@code fitnessRun} and drops the performance, in place. */
    static void upgrade(ObjectNode root) {
        root.remove("fitnessImages");
        root.remove("performance");
        root.set("fitnessRun", FitnessRunJson.tree(RunPlan.untilSteady()));
    }

    /** The performance of the design's fitness run, its program compiled from the design's spec and placement. */
    static Performance simulated(IrProgram program, Accelerator accelerator, ComponentLibrary library,
            RunPlan fitnessRun) {
        return new Simulator().fitness(accelerator, library, program, fitnessRun);
    }
}
