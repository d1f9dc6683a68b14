package org.pimsyn.synth.design;

import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.dataflow.DataflowSpec;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;
import org.pimsyn.synth.stage.partition.PartitionEvolution;
import org.pimsyn.synth.stage.partition.PartitionRules;

/**
 * Stages 3 and 4 as the paper runs them: the evolutionary macro partitioner ({@link PartitionEvolution}) with
 * {@link DesignEvaluator} as its fitness function, the library's evolution parameters and the request's search
 * sizes. Thread-safe: every call has its own evaluator and simulator; the last skeleton built on a thread is kept
 * for the next call on that thread, since the driver asks for a candidate's bound just before searching it.
 *
 * <p>With gene bounds on (the default), children proved unable to join the survivors are not simulated
 * ({@link PartitionEvolution}); the search and its result are the same as with them off, only cheaper.
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
                geneBounds ? evaluator : evaluator::score, seed);
        if (!(result.score().fitness() > 0)) {
            return new CandidateOutcome(point, duplication, null, 0, result.bestFitnessPerGeneration(),
                    result.evaluations(), "none of the " + result.evaluations() + " macro partitions tried fits; the "
                            + "best ranked, " + result.best() + ": " + result.score().reason());
        }
        Design design = evaluator.evaluate(result.best()).design();
        return new CandidateOutcome(point, duplication, design, design.fitness(), result.bestFitnessPerGeneration(),
                result.evaluations(), "");
    }

    @Override
    public double fitnessUpperBound(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication) {
        return FitnessUpperBound.of(request, point, skeleton(request, point, duplication),
                ComponentLibraries.from(request.library()));
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
