package org.pimsyn.synth.objective;

import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.hardware.PhysicalLimits;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;

/**
 * An objective's admissible bounds on the score ({@link Objective}): values no design can exceed, so that the
 * exploration may skip design points and the evolutionary search genes that cannot matter without changing what
 * either finds. A bound that is not admissible would change the result, not only save work.
 *
 * <p>The library's physical limits ({@link org.pimsyn.synth.hardware.PhysicalLimits}) only remove designs (more
 * macros, more ADCs, a bounded mesh) or add to what every design holds, so a bound over all designs without them
 * stays a bound with them; power efficiency's bounds take them into account where that makes them tighter
 * ({@link org.pimsyn.synth.design.FitnessUpperBound}, {@link org.pimsyn.synth.design.AnyUnitsBound}).
 */
public interface ScoreBounds {
    /**
     * A bound on the score of every design of a (design point, duplication candidate), whatever its partition and
     * allocation; 0 where no design can be feasible.
     */
    double designPoint(SynthesisRequest request, DesignPoint point, DataflowSkeleton skeleton,
            ComponentLibrary components);

    /**
     * A bound on the score of every simulation of {@code program} on {@code accelerator} with any numbers of ADC
     * and ALU units (at least one wherever an IR needs them, at least those {@code limits} ask for), within the
     * accelerator's power budget; counted without timing on {@code simulator}.
     */
    double gene(Simulator simulator, Accelerator accelerator, ComponentLibrary components, IrProgram program,
            PhysicalLimits limits);
}
