package org.pimsyn.synth.design;

import java.util.Objects;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.synth.stage.dataflow.DataflowSpec;
import org.pimsyn.synth.stage.dataflow.Placement;

/**
 * A complete synthesized accelerator: everything needed to write it out and to simulate it again. The IR
 * program is not kept: {@code DataflowSkeleton.of(spec).compile(placement)} rebuilds it exactly.
 *
 * @param fitnessRun  how the fitness simulation streamed images
 * @param performance the simulator's figures of that run, which the objective scores
 */
public record Design(
        DesignPoint point,
        DataflowSpec spec,
        Placement placement,
        Accelerator accelerator,
        ComponentLibrary library,
        RunPlan fitnessRun,
        Performance performance) {

    public Design {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(accelerator, "accelerator");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(fitnessRun, "fitnessRun");
        Objects.requireNonNull(performance, "performance");
    }
}
