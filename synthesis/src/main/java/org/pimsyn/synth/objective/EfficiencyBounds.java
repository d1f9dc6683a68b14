package org.pimsyn.synth.objective;

import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.synth.design.AnyUnitsBound;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.FitnessUpperBound;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.hardware.PhysicalLimits;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;

/** Power efficiency's bounds: {@link FitnessUpperBound} per design point, {@link AnyUnitsBound} per gene. */
final class EfficiencyBounds implements ScoreBounds {
    @Override
    public double designPoint(SynthesisRequest request, DesignPoint point, DataflowSkeleton skeleton,
            ComponentLibrary components) {
        return FitnessUpperBound.of(request, point, skeleton, components);
    }

    @Override
    public double gene(Simulator simulator, Accelerator accelerator, ComponentLibrary components,
            IrProgram program, PhysicalLimits limits) {
        return AnyUnitsBound.gopsPerWatt(simulator, accelerator, components, program, limits);
    }
}
