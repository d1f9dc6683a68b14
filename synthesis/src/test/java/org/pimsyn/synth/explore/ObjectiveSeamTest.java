package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.CandidateSearches;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.hardware.PhysicalLimits;
import org.pimsyn.synth.objective.Direction;
import org.pimsyn.synth.objective.Objective;
import org.pimsyn.synth.objective.Objectives;
import org.pimsyn.synth.objective.ScoreBounds;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.partition.EvolutionaryCandidateSearch;

/**
 * Objectives other than power efficiency, known only to this test, driven through the real search and explorer:
 * one higher-is-better without bounds (throughput), and one lower-is-better with bounds (energy per image).
 */
class ObjectiveSeamTest {
    /** Throughput in GOPS, with nothing to prune by. */
    private static final Objective THROUGHPUT = new Objective("test-throughput", "throughput", "GOPS",
            "throughputGops", Direction.HIGHER_IS_BETTER, d -> d.performance().throughputGops(), Optional.empty());

    /** Energy per image in pJ, lower is better, with bounds ({@link EnergyBounds}). */
    private static final Objective ENERGY = new Objective("test-energy", "energy per image", "pJ",
            "energyPerImagePj", Direction.LOWER_IS_BETTER, d -> d.performance().energyPerImagePj(),
            Optional.of(new EnergyBounds()));

    /**
     * GOPS/W is 2 x MACs x 1000 / energy per image, so power efficiency's bounds, divided by that constant, bound
     * the score 1 / energy (a hair above, for rounding).
     */
    private static final class EnergyBounds implements ScoreBounds {
        private static final double ROUNDING = 1 + 1e-9;
        private final ScoreBounds efficiency = Objectives.EFFICIENCY.bounds().orElseThrow();

        @Override
        public double designPoint(SynthesisRequest request, DesignPoint point, DataflowSkeleton skeleton,
                ComponentLibrary components) {
            return efficiency.designPoint(request, point, skeleton, components)
                    / (2.0 * skeleton.network().totalMacs() * 1000) * ROUNDING;
        }

        @Override
        public double gene(Simulator simulator, Accelerator accelerator, ComponentLibrary components,
                IrProgram program, PhysicalLimits limits) {
            return efficiency.gene(simulator, accelerator, components, program, limits)
                    / (2.0 * accelerator.macsPerImage() * 1000) * ROUNDING;
        }
    }

    /** Remembers what the explorer says and every point it counts. */
    private static final class Recorder implements ExplorationListener {
        final List<SearchedDesignPoint> points = new ArrayList<>();
        String pruningOff;

        @Override
        public void pruningOff(String reason) {
            pruningOff = reason;
        }

        @Override
        public void searched(SearchedDesignPoint point) {
            points.add(point);
        }
    }

    private static SynthesisRequest request(Objective objective) {
        SynthesisRequest base = SmallCases.request();
        return new SynthesisRequest(base.network(), base.library(), 1200, base.macroMode(), true, 6, 4,
                RunPlan.images(2), objective);
    }

    private static ExplorationResult explore(SynthesisRequest request, boolean exact, Recorder recorder) {
        return new DesignSpaceExplorer(exact ? new EvolutionaryCandidateSearch(false) : CandidateSearches.standard(),
                new ExplorationSettings(2, !exact).withTopDesigns(2)).explore(request, 1, recorder);
    }

    @Test
    void anObjectiveWithoutBoundsSearchesEveryDesignPointAndRanksByItsOwnFigure() {
        Recorder recorder = new Recorder();
        ExplorationResult r = explore(request(THROUGHPUT), false, recorder);
        assertNotNull(recorder.pruningOff, "the explorer says pruning is off");
        assertTrue(recorder.pruningOff.contains("throughput"), recorder.pruningOff);
        ExplorationStatistics s = r.statistics();
        assertEquals(0, s.designPointsPruned());
        assertEquals(s.designPoints() - s.designPointsWithoutAdc(),
                s.designPointsSearched() + s.designPointsReused(), "every design point visited");
        double bestFound = 0;
        for (SearchedDesignPoint p : recorder.points) {
            checkHistory(p.outcome(), Direction.HIGHER_IS_BETTER);
            bestFound = Math.max(bestFound, p.outcome().fitness());
        }
        List<RankedDesign> top = r.topDesigns();
        assertEquals(bestFound, top.get(0).fitness());
        for (int i = 0; i < top.size(); i++) {
            assertEquals(top.get(i).design().performance().throughputGops(), top.get(i).fitness());
            if (i > 0) {
                assertTrue(top.get(i - 1).fitness() >= top.get(i).fitness(), "highest throughput first");
            }
        }
    }

    @Test
    void aLowerIsBetterObjectiveRanksLowestFirstAndItsBoundsPruneWithoutChangingTheResult() {
        SynthesisRequest request = request(ENERGY);
        Recorder recorder = new Recorder();
        ExplorationResult pruned = explore(request, false, recorder);
        ExplorationResult exact = explore(request, true, new Recorder());
        assertEquals(null, recorder.pruningOff);
        assertTrue(pruned.statistics().designPointsPruned() > 0, "design points were pruned");
        assertTrue(pruned.statistics().fitnessEvaluations() < exact.statistics().fitnessEvaluations(),
                "simulations were saved");
        assertEquals(signature(exact.topDesigns()), signature(pruned.topDesigns()));
        double lowestFound = Double.POSITIVE_INFINITY;
        for (SearchedDesignPoint p : recorder.points) {
            checkHistory(p.outcome(), Direction.LOWER_IS_BETTER);
            if (p.outcome().found()) {
                lowestFound = Math.min(lowestFound, p.outcome().fitness());
            }
            assertTrue(p.bestFitnessSoFar() > 0 || !p.outcome().found());
        }
        List<RankedDesign> top = pruned.topDesigns();
        assertEquals(lowestFound, top.get(0).fitness());
        assertEquals(lowestFound, recorder.points.get(recorder.points.size() - 1).bestFitnessSoFar());
        for (int i = 0; i < top.size(); i++) {
            assertEquals(top.get(i).design().performance().energyPerImagePj(), top.get(i).fitness());
            if (i > 0) {
                assertTrue(top.get(i - 1).fitness() <= top.get(i).fitness(), "least energy first");
            }
        }
    }

    /** The search's best after each generation never gets worse and ends at the outcome's figure. */
    private static void checkHistory(CandidateOutcome outcome, Direction direction) {
        double[] history = outcome.bestFitnessPerGeneration();
        for (int g = 1; g < history.length; g++) {
            assertTrue(direction.score(history[g]) >= direction.score(history[g - 1]),
                    outcome.point() + " generation " + g);
        }
        if (outcome.found()) {
            assertEquals(outcome.fitness(), history[history.length - 1], outcome.point().toString());
        }
    }

    private static List<String> signature(List<RankedDesign> top) {
        return top.stream().map(d -> d.order() + " " + d.fitness() + " " + d.design().placement()).toList();
    }
}
