package org.pimsyn.synth.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.pimsyn.synth.Deadline;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.hardware.AdcSpec;
import org.pimsyn.synth.hardware.DesignSpace;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;
import org.pimsyn.synth.stage.duplication.DuplicationOutcome;
import org.pimsyn.synth.stage.duplication.WeightDuplication;

/**
 * The design points of Algorithm 1's loops, in loop order (RatioRram, ResRram, XbSize, candidate, ResDAC): stage 1
 * at every crossbar point that has an ADC for some ResDAC, then every candidate it keeps with every ResDAC whose ADC
 * the library has. With the counts of what was left out on the way.
 *
 * @param points                   the design points with an ADC, {@code points.get(i).order() == i}
 * @param crossbarPoints           crossbar points of the design space
 * @param crossbarPointsWithoutAdc crossbar points with no ADC for any ResDAC (not filtered)
 * @param infeasible               crossbar points whose weights do not fit, in loop order
 * @param designPoints             design points of the feasible crossbar points, with an ADC or not
 * @param designPointsWithoutAdc   design points whose ResDAC has no ADC in the library
 */
record DesignPointEnumeration(List<PlannedDesignPoint> points, int crossbarPoints, int crossbarPointsWithoutAdc,
        List<InfeasiblePoint> infeasible, int designPoints, int designPointsWithoutAdc) {

    /** A crossbar point and the ADC of each of its ResDAC values (empty where the library has none). */
    private record CrossbarPoint(double ratioRram, int resRramBits, int xbSizeRows, List<Optional<AdcSpec>> adcs) {
    }

    /** A crossbar point and what stage 1 made of it. */
    private record FilteredPoint(CrossbarPoint point, DuplicationOutcome outcome) {
    }

    DesignPointEnumeration {
        points = List.copyOf(points);
        infeasible = List.copyOf(infeasible);
    }

    /**
     * Runs stage 1 on {@code pool}, one job per crossbar point, each seeded from the run seed and the point.
     *
     * @throws org.pimsyn.synth.DeadlinePassedException where {@code deadline} passed before stage 1 ended
     */
    static DesignPointEnumeration of(SynthesisRequest request, long seed, ExecutorService pool, Deadline deadline,
            ExplorationListener listener) {
        DesignSpace space = request.library().search().designSpace();
        List<CrossbarPoint> withAdc = withAdc(request.library());
        listener.phaseStarted(ExplorationPhase.DUPLICATION, withAdc.size());
        List<Callable<FilteredPoint>> jobs = new ArrayList<>(withAdc.size());
        for (CrossbarPoint p : withAdc) {
            jobs.add(() -> {
                FilteredPoint f = new FilteredPoint(p, WeightDuplication.filter(request.network(),
                        request.library(), request.totalPowerMw(), p.ratioRram(), p.xbSizeRows(), p.resRramBits(),
                        request.duplication(),
                        ExplorationSeeds.duplicationFilter(seed, p.ratioRram(), p.resRramBits(), p.xbSizeRows()),
                        deadline));
                listener.phaseStep(ExplorationPhase.DUPLICATION);
                return f;
            });
        }
        int crossbarPoints = space.ratioRram().size() * space.resRramBits().size() * space.xbSizeRows().size();
        return of(PoolJobs.runAll(pool, jobs), space.resDacBits(), seed, crossbarPoints,
                crossbarPoints - withAdc.size());
    }

    /** The crossbar points, in loop order, for which the library has the ADC of at least one ResDAC. */
    private static List<CrossbarPoint> withAdc(HardwareLibrary library) {
        DesignSpace space = library.search().designSpace();
        List<CrossbarPoint> points = new ArrayList<>();
        for (double ratio : space.ratioRram()) {
            for (int cellBits : space.resRramBits()) {
                for (int size : space.xbSizeRows()) {
                    List<Optional<AdcSpec>> adcs = new ArrayList<>();
                    for (int dacBits : space.resDacBits()) {
                        adcs.add(library.adcFor(size, cellBits, dacBits));
                    }
                    if (adcs.stream().anyMatch(Optional::isPresent)) {
                        points.add(new CrossbarPoint(ratio, cellBits, size, adcs));
                    }
                }
            }
        }
        return points;
    }

    /** The design points of the filtered crossbar points, whose ADCs are listed by {@code resDacBits}. */
    private static DesignPointEnumeration of(List<FilteredPoint> filtered, List<Integer> resDacBits, long seed,
            int crossbarPoints, int crossbarPointsWithoutAdc) {
        List<PlannedDesignPoint> points = new ArrayList<>();
        List<InfeasiblePoint> infeasible = new ArrayList<>();
        int designPoints = 0;
        int withoutAdc = 0;
        for (FilteredPoint f : filtered) {
            CrossbarPoint p = f.point();
            if (f.outcome() instanceof DuplicationOutcome.Infeasible no) {
                infeasible.add(new InfeasiblePoint(p.ratioRram(), p.resRramBits(), p.xbSizeRows(), no.reason()));
                continue;
            }
            List<DuplicationCandidate> candidates = ((DuplicationOutcome.Feasible) f.outcome()).candidates();
            for (int c = 0; c < candidates.size(); c++) {
                for (int d = 0; d < resDacBits.size(); d++) {
                    designPoints++;
                    Optional<AdcSpec> adc = p.adcs().get(d);
                    if (adc.isEmpty()) {
                        withoutAdc++;
                        continue;
                    }
                    DesignPoint point = new DesignPoint(p.ratioRram(), p.resRramBits(), p.xbSizeRows(),
                            resDacBits.get(d), adc.get().resolutionBits());
                    DuplicationCandidate dup = candidates.get(c);
                    points.add(new PlannedDesignPoint(points.size(), point, c, candidates.size(), dup,
                            ExplorationSeeds.candidateSearch(seed, point, dup), SearchKey.of(point, dup)));
                }
            }
        }
        return new DesignPointEnumeration(points, crossbarPoints, crossbarPointsWithoutAdc, infeasible,
                designPoints, withoutAdc);
    }
}
