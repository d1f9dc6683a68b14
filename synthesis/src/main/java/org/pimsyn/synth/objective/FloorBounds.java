package org.pimsyn.synth.objective;

import java.util.function.ToDoubleFunction;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.synth.design.AnyUnitsBound;
import org.pimsyn.synth.design.DesignFloors;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.FitnessUpperBound;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.hardware.PhysicalLimits;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;

/**
 * Bounds of an objective whose score falls as energy, interval, latency or area grow: the score at the floors
 * every feasible design keeps ({@link DesignFloors}), per design point from {@link FitnessUpperBound#floors} and per
 * gene from {@link AnyUnitsBound#floors}; 0 where no design can be feasible. A hair above, since the floors and the
 * simulator round differently in the last digits.
 */
final class FloorBounds implements ScoreBounds {
    private static final double ROUNDING = 1 + 1e-9;
    private final ToDoubleFunction<DesignFloors> score;

    /** @param score the score a design at exactly the floors would have, never below any feasible design's */
    FloorBounds(ToDoubleFunction<DesignFloors> score) {
        this.score = score;
    }

    @Override
    public double designPoint(SynthesisRequest request, DesignPoint point, DataflowSkeleton skeleton,
            ComponentLibrary components) {
        return at(FitnessUpperBound.floors(request, point, skeleton, components));
    }

    @Override
    public double gene(Simulator simulator, Accelerator accelerator, ComponentLibrary components,
            IrProgram program, PhysicalLimits limits) {
        return at(AnyUnitsBound.floors(simulator, accelerator, components, program, limits));
    }

    private double at(DesignFloors floors) {
        return floors == null ? 0 : score.applyAsDouble(floors) * ROUNDING;
    }
}
