package org.pimsyn.bench;

import java.util.List;
import java.util.Locale;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.CandidateSearches;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.MacroMode;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.explore.ExplorationSeeds;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.zoo.NetworkZoo;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;
import org.pimsyn.synth.stage.duplication.DuplicationOutcome;
import org.pimsyn.synth.stage.duplication.WeightDuplication;

/**
 * Wall time of the candidate search (stages 3 and 4) at one design point: AlexNet at 49 W, RatioRram 0.3, ResRram 2,
 * XbSize 256, ResDAC 1, specified macros with sharing, the built-in library; stage 1 with the run seed 1 as
 * {@code pimsyn synthesize} seeds it, then the evolutionary search of the first {@code candidates} duplication
 * candidates one after the other on one thread, {@code genes x generations} each.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar org.pimsyn.bench.CandidateSearchTiming [genes generations
 * candidates]} (default 40 50 1).
 */
public final class CandidateSearchTiming {
    private CandidateSearchTiming() {
    }

    public static void main(String[] args) {
        int genes = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int generations = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int candidates = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        long runSeed = 1;
        HardwareLibrary library = HardwareLibrary.builtIn();
        Network alexnet = NetworkZoo.build("alexnet");
        SynthesisRequest request = SynthesisRequest.of(alexnet, library, 49_000, MacroMode.SPECIFIED, true)
                .withSearchSize(genes, generations);
        DesignPoint point = new DesignPoint(0.3, 2, 256, 1, HardwareLibrary.requiredAdcBits(256, 2, 1));

        long t0 = System.nanoTime();
        DuplicationOutcome outcome = WeightDuplication.filter(alexnet, library, request.totalPowerMw(),
                point.ratioRram(), point.xbSizeRows(), point.resRramBits(),
                ExplorationSeeds.duplicationFilter(runSeed, point.ratioRram(), point.resRramBits(),
                        point.xbSizeRows()));
        long t1 = System.nanoTime();
        if (!(outcome instanceof DuplicationOutcome.Feasible feasible)) {
            throw new IllegalStateException("the design point is infeasible: " + outcome);
        }
        List<DuplicationCandidate> list = feasible.candidates();
        System.out.printf(Locale.ROOT, "stage 1: %d candidates in %.1f s%n", list.size(), (t1 - t0) / 1e9);

        CandidateSearch search = CandidateSearches.standard();
        for (int c = 0; c < Math.min(candidates, list.size()); c++) {
            long start = System.nanoTime();
            CandidateOutcome found = search.search(request, point, list.get(c),
                    ExplorationSeeds.candidateSearch(runSeed, point, list.get(c)));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT,
                    "candidate %d %s: %d genes x %d generations, %,d fitness evaluations in %.1f s "
                            + "(%.2f ms per evaluation), best %.1f GOPS/W%n",
                    c + 1, list.get(c), genes, generations, found.evaluations(), seconds,
                    seconds * 1e3 / Math.max(1, found.evaluations()), found.fitness());
        }
    }
}
