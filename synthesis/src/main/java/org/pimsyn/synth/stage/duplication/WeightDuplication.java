package org.pimsyn.synth.stage.duplication;

import java.util.List;
import org.pimsyn.synth.Deadline;
import org.pimsyn.synth.hardware.ConverterCombination;
import org.pimsyn.synth.hardware.DesignSpace;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.network.Network;

/** Synthesis stage 1: the weight duplication of one design point, and the least power any point needs. */
public final class WeightDuplication {
    private WeightDuplication() {
    }

    /**
     * Eq. 3's crossbar budget for ({@code totalPowerMw}, {@code ratioRram}, {@code xbSizeRows}, {@code cellBits}),
     * then the annealing filter with the library's parameters and weight precision.
     *
     * @return the best distinct candidates, or the reason the weights do not fit at duplication 1
     */
    public static DuplicationOutcome filter(Network network, HardwareLibrary library, double totalPowerMw,
                                            double ratioRram, int xbSizeRows, int cellBits, long seed) {
        return filter(network, library, totalPowerMw, ratioRram, xbSizeRows, cellBits, seed, Deadline.NONE);
    }

    /**
     * As {@link #filter(Network, HardwareLibrary, double, double, int, int, long)}, stopping once {@code deadline}
     * has passed.
     *
     * @throws org.pimsyn.synth.DeadlinePassedException where it stopped
     */
    public static DuplicationOutcome filter(Network network, HardwareLibrary library, double totalPowerMw,
                                            double ratioRram, int xbSizeRows, int cellBits, long seed,
                                            Deadline deadline) {
        return filter(network, library, totalPowerMw, ratioRram, xbSizeRows, cellBits, DuplicationMode.SA, seed,
                deadline);
    }

    /**
     * Stage 1 of one crossbar point in the given mode: the annealing filter ({@link DuplicationMode#SA}), or the
     * proportional heuristic alone, one candidate ({@link DuplicationMode#PROPORTIONAL}; the seed is then unused).
     *
     * @throws org.pimsyn.synth.DeadlinePassedException where it stopped
     */
    public static DuplicationOutcome filter(Network network, HardwareLibrary library, double totalPowerMw,
                                            double ratioRram, int xbSizeRows, int cellBits, DuplicationMode mode,
                                            long seed, Deadline deadline) {
        CrossbarBudget budget = CrossbarBudget.of(library, totalPowerMw, ratioRram, xbSizeRows, cellBits);
        DuplicationProblem problem = problem(network, library, xbSizeRows, cellBits, budget.crossbars());
        return switch (mode) {
            case SA -> DuplicationAnnealer.anneal(problem, library.search().annealing(), seed, deadline);
            case PROPORTIONAL -> proportional(problem, library.search().annealing().alpha());
        };
    }

    /** The proportional heuristic as the only candidate, with its energy at {@code alpha}. */
    public static DuplicationOutcome proportional(DuplicationProblem problem, double alpha) {
        if (!problem.fitsAtDuplicationOne()) {
            return new DuplicationOutcome.Infeasible(problem);
        }
        int[] dup = problem.proportionalStart();
        DuplicationCandidate start = new DuplicationCandidate(dup, problem.energy(dup, alpha),
                problem.crossbarsUsed(dup));
        return new DuplicationOutcome.Feasible(problem, List.of(start), start);
    }

    /** The problem of one crossbar kind under a given crossbar budget, at the library's weight precision. */
    public static DuplicationProblem problem(Network network, HardwareLibrary library, int xbSizeRows, int cellBits,
                                             long crossbarBudget) {
        return DuplicationProblem.of(network, xbSizeRows, cellBits, library.precision().weightBits(), crossbarBudget);
    }

    /**
     * The smallest total power at which some point of the design space (RatioRram x ResRram x XbSize) holds every
     * weight layer at duplication 1: per point {@code crossbars x peak power / RatioRram}, the least over all
     * points, the first in loop order (RatioRram, then ResRram, then XbSize) on ties. Crossbar kinds for which no
     * DAC resolution of the design space has its ADC in the library are skipped: no design can use them. Only
     * the crossbars are counted; the peripherals' share is the later stages' concern.
     */
    public static MinimumPower minimumTotalPowerMw(Network network, HardwareLibrary library) {
        DesignSpace space = library.search().designSpace();
        MinimumPower best = null;
        for (double ratio : space.ratioRram()) {
            for (int cellBits : space.resRramBits()) {
                for (int size : space.xbSizeRows()) {
                    if (!hasUsableAdc(library, size, cellBits)) {
                        continue;
                    }
                    long needed = problem(network, library, size, cellBits, 0).crossbarsAtDuplicationOne();
                    double crossbarMw = library.crossbar(size, cellBits).power().peakPowerMw();
                    double powerMw = needed * crossbarMw / ratio;
                    while (CrossbarBudget.crossbarCount(powerMw, ratio, crossbarMw) < needed) {
                        powerMw = Math.nextUp(powerMw);
                    }
                    if (best == null || powerMw < best.totalPowerMw()) {
                        best = new MinimumPower(powerMw, ratio, cellBits, size, needed);
                    }
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("the design space of " + library.origin() + " has no usable crossbar");
        }
        return best;
    }

    private static boolean hasUsableAdc(HardwareLibrary library, int xbSizeRows, int cellBits) {
        for (ConverterCombination c : library.converterCombinations()) {
            if (c.xbSizeRows() == xbSizeRows && c.resRramBits() == cellBits && c.adcAvailable()) {
                return true;
            }
        }
        return false;
    }
}
