package org.pimsyn.synth.explore;

import java.util.function.ToDoubleFunction;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

/**
 * A stand-in for stages 3 and 4 whose fitness and bound are given per design point, for cases worked out by hand.
 * Every point yields a design, built by {@link FakeCandidateSearch#design} with 4 ADCs per macro, in one evaluation.
 */
final class PointFitnessSearch implements CandidateSearch {
    private final FakeCandidateSearch designs = new FakeCandidateSearch(0);
    private final ToDoubleFunction<DesignPoint> fitness;
    private final ToDoubleFunction<DesignPoint> bound;

    PointFitnessSearch(ToDoubleFunction<DesignPoint> fitness, ToDoubleFunction<DesignPoint> bound) {
        this.fitness = fitness;
        this.bound = bound;
    }

    @Override
    public CandidateOutcome search(SynthesisRequest request, DesignPoint point, DuplicationCandidate dup, long seed) {
        double f = fitness.applyAsDouble(point);
        return new CandidateOutcome(point, dup, designs.design(request, point, dup, 4), f, new double[] {f}, 1, "");
    }

    @Override
    public double fitnessUpperBound(SynthesisRequest request, DesignPoint point, DuplicationCandidate dup) {
        return bound.applyAsDouble(point);
    }
}
