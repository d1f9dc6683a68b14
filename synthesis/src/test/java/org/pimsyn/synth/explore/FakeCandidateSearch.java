package org.pimsyn.synth.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.dataflow.DataflowSpec;
import org.pimsyn.synth.stage.dataflow.Placement;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

/**
 * A deterministic stand-in for stages 3 and 4. Each (point but its RatioRram, duplication) gets a bound of 100-1000 GOPS/W from a
 * hash of its values; the fitness is 50-100 % of the bound, drawn from the hash and the seed. A share of the
 * points, also chosen by the hash, yields no design, with one of three reasons. A found design is built by
 * {@link FakeDesigns} (1-16 ADCs per macro, from the hash) and simulated for its performance. Calls are recorded.
 */
public final class FakeCandidateSearch implements CandidateSearch {
    /** One call of {@link #search}. */
    public record Call(SynthesisRequest request, DesignPoint point, List<Integer> duplications, long seed) {
    }

    private final double noDesignShare;
    private final ThreadLocal<Simulator> simulators = ThreadLocal.withInitial(Simulator::new);
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

    /** @param noDesignShare share of the points that yield no design (0 to 1) */
    public FakeCandidateSearch(double noDesignShare) {
        this.noDesignShare = noDesignShare;
    }

    public FakeCandidateSearch() {
        this(0.2);
    }

    public List<Call> calls() {
        return new ArrayList<>(calls);
    }

    @Override
    public double fitnessUpperBound(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication) {
        return 100 + 900 * unit(hash(point, duplication));
    }

    @Override
    public CandidateOutcome search(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication,
            long seed) {
        calls.add(new Call(request, point, Arrays.stream(duplication.duplications()).boxed().toList(), seed));
        long h = hash(point, duplication);
        int generations = request.generations();
        long evaluations = request.genes() + (long) generations * (request.genes() / 2) + (h & 7);
        if (unit(ExplorationSeeds.mix(h, 7)) < noDesignShare) {
            return new CandidateOutcome(point, duplication, null, 0, new double[generations + 1], evaluations,
                    "the peripherals do not fit (fake class " + (h & 3) % 3 + ")");
        }
        double fitness = fitnessUpperBound(request, point, duplication) * (0.5 + 0.5 * unit(ExplorationSeeds.mix(h, seed)));
        double[] history = new double[generations + 1];
        for (int g = 0; g <= generations; g++) {
            history[g] = fitness * (g + 1) / (generations + 1);
        }
        Design design = reporting(design(request, point, duplication, 1 + (int) ((h >>> 8) & 15)), fitness);
        return new CandidateOutcome(point, duplication, design, fitness, history, evaluations, "");
    }

    /**
     * The design with the fitness the fake chose as its efficiency, within the budget: a search's fitness is the
     * objective's value of its design's performance, which a checkpoint's reader holds it to.
     */
    private static Design reporting(Design d, double fitness) {
        Performance p = d.performance();
        Performance chosen = new Performance(p.images(), p.cycles(), p.firstImageLatencyCycles(),
                p.streamLatencyCycles(), p.intervalCycles(), p.intervalBasis(), p.boundIntervalCycles(), p.intervalNs(), p.throughputGops(), p.energyPerImagePj(), p.runEnergyPj(),
                p.averagePowerMw(), p.steadyStatePowerMw(), p.powerBudgetMw(), fitness, true, true);
        return new Design(d.point(), d.spec(), d.placement(), d.accelerator(), d.library(), d.fitnessRun(),
                chosen);
    }

    /** The design the fake builds for a point and a duplication, with its simulated performance. */
    public Design design(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication,
            int adcsPerMacro) {
        DataflowSpec spec = DataflowSpec.of(request.network(), duplication.duplications(), point.resDacBits(),
                point.xbSizeRows(), point.resRramBits(), request.library().precision());
        DataflowSkeleton skeleton = DataflowSkeleton.of(spec);
        Placement placement = skeleton.oneMacroPerLayer();
        Accelerator acc = FakeDesigns.oneMacroPerLayer(request.library(), skeleton, point, adcsPerMacro,
                request.totalPowerMw());
        ComponentLibrary lib = FakeDesigns.componentLibrary(request.library(), point);
        Performance performance = simulators.get().fitness(acc, lib, skeleton.compile(placement).program(),
                request.fitnessRun());
        return new Design(point, spec, placement, acc, lib, request.fitnessRun(), performance);
    }

    private static long hash(DesignPoint point, DuplicationCandidate duplication) {
        // Never RatioRram: stages 3 and 4 do not read it.
        long[] parts = new long[5 + duplication.layers()];
        parts[0] = duplication.layers();
        parts[1] = point.resRramBits();
        parts[2] = point.xbSizeRows();
        parts[3] = point.resDacBits();
        parts[4] = point.adcBits();
        for (int i = 0; i < duplication.layers(); i++) {
            parts[5 + i] = duplication.duplication(i);
        }
        return ExplorationSeeds.mix(0x5EED, parts);
    }

    private static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }
}
