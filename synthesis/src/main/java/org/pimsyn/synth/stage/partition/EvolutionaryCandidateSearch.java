package org.pimsyn.synth.stage.partition;

import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.synth.Deadline;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.ComponentLibraries;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.DesignEvaluator;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.FitnessUpperBound;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.dataflow.DataflowSpec;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

/**
 * Stages 3 and 4 as the paper runs them: the evolutionary macro partitioner ({@link PartitionEvolution}) with
 * {@link DesignEvaluator} as its fitness function, the library's evolution parameters and the request's search
 * sizes and objective. Thread-safe: every call has its own evaluator and simulator; the last skeleton built on a
 * thread is kept for the next call on that thread, since the driver asks for a candidate's bound just before
 * searching it.
 *
 * <p>The partitioner ranks by the objective's score; the outcome reports its values
 * ({@link org.pimsyn.synth.objective.Objective}).
 *
 * <p>With gene bounds on (the default), children proved unable to join the survivors are not simulated
 * ({@link PartitionEvolution}); the search and its result are the same as with them off, only cheaper. An
 * objective without bounds bounds nothing, nor does it bound design points.
 */
public final class EvolutionaryCandidateSearch implements CandidateSearch {
    private final boolean geneBounds;

    /** With gene bounds. */
    public EvolutionaryCandidateSearch() {
        this(true);
    }

    /** @param geneBounds whether children may be bounded instead of simulated */
    public EvolutionaryCandidateSearch(boolean geneBounds) {
        this.geneBounds = geneBounds;
    }

    private record CachedSkeleton(DataflowSpec spec, DataflowSkeleton skeleton) {
    }

    private final ThreadLocal<CachedSkeleton> lastSkeleton = new ThreadLocal<>();

    @Override
    public CandidateOutcome search(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication,
            long seed) {
        return search(request, point, duplication, seed, Deadline.NONE);
    }

    @Override
    public CandidateOutcome search(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication,
            long seed, Deadline deadline) {
        deadline.check();
        DataflowSkeleton skeleton = skeleton(request, point, duplication);
        ComponentLibrary components = ComponentLibraries.from(request.library());
        DesignEvaluator evaluator = new DesignEvaluator(request, point, skeleton, components);
        PartitionRules rules = evaluator.rules();
        if (!rules.feasible()) {
            return new CandidateOutcome(point, duplication, null, 0, new double[0], 0, rules.infeasibleReason());
        }
        PartitionEvolution.Settings settings = PartitionEvolution.Settings.of(
                request.library().search().evolution(), request.genes(), request.generations());
        PartitionEvolution.Result result = PartitionEvolution.run(rules, settings,
                geneBounds ? evaluator : evaluator::score, seed, deadline);
        if (!(result.score().fitness() > 0)) {
            return new CandidateOutcome(point, duplication, null, 0, result.bestFitnessPerGeneration(),
                    result.evaluations(), "none of the " + result.evaluations() + " macro partitions tried fits; the "
                            + "best ranked, " + result.best() + ": " + result.score().reason(), result.dynamics());
        }
        Design design = evaluator.evaluate(result.best()).design();
        return new CandidateOutcome(point, duplication, design, request.objective().value(design),
                result.bestFitnessPerGeneration(), result.evaluations(), "", result.dynamics());
    }

    /** The objective's design-point bound on the score, or infinity where it has none. */
    @Override
    public double fitnessUpperBound(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication) {
        return request.objective().bounds()
                .map(b -> b.designPoint(request, point, skeleton(request, point, duplication),
                        ComponentLibraries.from(request.library())))
                .orElse(Double.POSITIVE_INFINITY);
    }

    @Override
    public String infeasibility(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication) {
        String why = FitnessUpperBound.infeasibility(request, point, skeleton(request, point, duplication),
                ComponentLibraries.from(request.library()));
        return why != null ? why : CandidateSearch.super.infeasibility(request, point, duplication);
    }

    private DataflowSkeleton skeleton(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication) {
        DataflowSpec spec = DataflowSpec.of(request.network(), duplication.duplications(), point.resDacBits(),
                point.xbSizeRows(), point.resRramBits(), request.library().precision());
        CachedSkeleton cached = lastSkeleton.get();
        if (cached != null && cached.spec().equals(spec)) {
            return cached.skeleton();
        }
        DataflowSkeleton skeleton = DataflowSkeleton.of(spec);
        lastSkeleton.set(new CachedSkeleton(spec, skeleton));
        return skeleton;
    }
}
