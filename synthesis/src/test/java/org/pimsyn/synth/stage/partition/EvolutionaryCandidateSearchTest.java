package org.pimsyn.synth.stage.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.CandidateSearches;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.DesignEvaluator;
import org.pimsyn.synth.design.MacroMode;
import org.pimsyn.synth.design.SmallDesigns;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.zoo.NetworkZoo;
import org.pimsyn.synth.objective.Objectives;
import org.pimsyn.synth.stage.dataflow.LayerPlacement;
import org.pimsyn.synth.stage.dataflow.Placement;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;
import org.pimsyn.synth.design.DesignPoint;

class EvolutionaryCandidateSearchTest {
    private static final CandidateSearch SEARCH = CandidateSearches.standard();

    @Test
    void theStandardSearchIsTheEvolutionaryOne() {
        assertInstanceOf(EvolutionaryCandidateSearch.class, SEARCH);
    }

    @Test
    void theSearchStartsFromTheTrivialAndPairedGenesAndNeverLosesItsBest() {
        SynthesisRequest request = SmallDesigns.request(2000, MacroMode.SPECIFIED, true).withSearchSize(20, 20);
        CandidateOutcome outcome = SEARCH.search(request, SmallDesigns.POINT, SmallDesigns.duplication(), 1);
        double[] best = outcome.bestFitnessPerGeneration();
        assertEquals(21, best.length);
        for (int g = 1; g < best.length; g++) {
            assertTrue(best[g] >= best[g - 1], "generation " + g + ": " + Arrays.toString(best));
        }
        DesignEvaluator evaluator = SmallDesigns.evaluator(request, SmallDesigns.duplication(), SmallDesigns.POINT);
        double trivial = evaluator.score(evaluator.rules().trivial()).fitness();
        double paired = evaluator.score(evaluator.rules().paired()).fitness();
        // Four layers in two pairs on two macros save two routers and scratchpads over one macro each.
        assertTrue(paired > trivial && trivial > 0, paired + " vs " + trivial);
        assertTrue(best[0] >= paired, Arrays.toString(best));
        assertEquals(best[20], outcome.fitness());
        assertTrue(outcome.found());
        assertEquals("", outcome.reason());
        assertTrue(outcome.evaluations() > 20 && outcome.evaluations() <= 20 + 20 * 6);
        assertTrue(outcome.fitness() <= SEARCH.fitnessUpperBound(request, SmallDesigns.POINT,
                SmallDesigns.duplication()));
    }

    @Test
    void theBestFitnessNeverFallsAcrossTheGenerationsOfALargerNetwork() {
        // cifar10-vgg's eight weight layers, each once, at 5 W. Under the steady-state fitness (admission window,
        // oldest image first) seed 1's initial population already holds the best gene these 6 generations find.
        Network network = NetworkZoo.build("cifar10-vgg");
        SynthesisRequest request = SynthesisRequest.of(network, SmallDesigns.LIBRARY, 5000, MacroMode.SPECIFIED,
                true).withSearchSize(20, 6);
        DesignPoint point = new DesignPoint(0.3, 2, 256, 1, 9);
        int[] once = new int[8];
        Arrays.fill(once, 1);
        CandidateOutcome outcome = SEARCH.search(request, point, new DuplicationCandidate(once, 0, 0), 1);
        double[] best = outcome.bestFitnessPerGeneration();
        assertEquals(7, best.length);
        for (int g = 1; g < best.length; g++) {
            assertTrue(best[g] >= best[g - 1], "generation " + g + ": " + Arrays.toString(best));
        }
        assertTrue(best[0] > 0, Arrays.toString(best));
        assertEquals(best[6], outcome.fitness());
    }

    @Test
    void geneBoundsSaveSimulationsWithoutChangingTheOutcome() {
        long saved = 0;
        for (double budgetMw : new double[] {1500, 2000, 6000}) {
            for (MacroMode mode : MacroMode.values()) {
                SynthesisRequest request = SmallDesigns.request(budgetMw, mode, true).withSearchSize(12, 15);
                for (long seed = 1; seed <= 2; seed++) {
                    CandidateOutcome exact = new EvolutionaryCandidateSearch(false).search(request,
                            SmallDesigns.POINT, SmallDesigns.duplication(), seed);
                    CandidateOutcome bounded = new EvolutionaryCandidateSearch(true).search(request,
                            SmallDesigns.POINT, SmallDesigns.duplication(), seed);
                    String where = budgetMw + " mW, " + mode + ", seed " + seed;
                    assertEquals(Double.doubleToRawLongBits(exact.fitness()),
                            Double.doubleToRawLongBits(bounded.fitness()), where);
                    assertArrayEquals(exact.bestFitnessPerGeneration(), bounded.bestFitnessPerGeneration(), where);
                    assertEquals(exact.found(), bounded.found(), where);
                    if (exact.found()) {
                        assertEquals(exact.best(), bounded.best(), where);
                    }
                    assertTrue(bounded.evaluations() <= exact.evaluations(), where);
                    saved += exact.evaluations() - bounded.evaluations();
                }
            }
        }
        assertTrue(saved > 0, "some children were bounded instead of simulated");
    }

    @Test
    void theSameSeedGivesTheSameOutcomeBitForBit() {
        SynthesisRequest request = SmallDesigns.request(1500, MacroMode.SPECIFIED, true).withSearchSize(8, 6);
        CandidateOutcome a = SEARCH.search(request, SmallDesigns.POINT, SmallDesigns.duplication(), 99);
        CandidateOutcome b = CandidateSearches.standard().search(request, SmallDesigns.POINT,
                SmallDesigns.duplication(), 99);
        assertEquals(Double.doubleToRawLongBits(a.fitness()), Double.doubleToRawLongBits(b.fitness()));
        assertArrayEquals(a.bestFitnessPerGeneration(), b.bestFitnessPerGeneration());
        assertEquals(a.evaluations(), b.evaluations());
        assertEquals(a.best().placement(), b.best().placement());
        assertEquals(a.best().accelerator(), b.best().accelerator());
        assertEquals(a.best().performance(), b.best().performance());
    }

    @Test
    void theReturnedDesignsFitnessIsWhatAnIndependentSimulationGives() {
        SynthesisRequest request = SmallDesigns.request(2000, MacroMode.SPECIFIED, true).withSearchSize(8, 4);
        Design design = SEARCH.search(request, SmallDesigns.POINT, SmallDesigns.duplication(), 5).best();
        Performance again = new Simulator().fitness(design.accelerator(), design.library(),
                SmallDesigns.skeleton(request.network(), SmallDesigns.duplication(), SmallDesigns.POINT)
                        .compile(design.placement()).program(), design.fitnessRun());
        assertEquals(again.gopsPerWatt(), Objectives.EFFICIENCY.value(design));
        assertEquals(RunPlan.untilSteady(), design.fitnessRun());
        assertEquals(SmallDesigns.POINT, design.point());
    }

    @Test
    void withoutSharingNoMacroServesTwoLayers() {
        SynthesisRequest request = SmallDesigns.request(2000, MacroMode.SPECIFIED, false).withSearchSize(10, 8);
        Design design = SEARCH.search(request, SmallDesigns.POINT, SmallDesigns.duplication(), 3).best();
        for (Macro macro : design.accelerator().macros()) {
            assertEquals(1, macro.layers().size());
        }
    }

    @Test
    void unifiedMacrosHoldTheCountsOfOneSize() {
        SynthesisRequest request = SmallDesigns.request(2000, MacroMode.UNIFIED, true).withSearchSize(10, 8);
        CandidateOutcome outcome = SEARCH.search(request, SmallDesigns.POINT, SmallDesigns.duplication(), 3);
        Placement placement = outcome.best().placement();
        boolean someSize = false;
        for (int size : SmallDesigns.LIBRARY.search().evolution().macroSizesCrossbars()) {
            boolean fits = true;
            for (int k = 0; k < placement.size(); k++) {
                LayerPlacement layer = placement.layer(k);
                long held = layer.totalCrossbars();
                for (int j = 0; j < placement.size(); j++) {
                    if (j != k && placement.layer(j).home() == layer.home()) {
                        held += placement.layer(j).totalCrossbars();
                    }
                }
                fits &= layer.macroCount() == (held + size - 1) / size;
            }
            someSize |= fits;
        }
        assertTrue(someSize, "macro counts of one size: " + placement);
        for (Macro macro : outcome.best().accelerator().macros()) {
            assertTrue(macro.crossbarCount() <= 512);
        }
    }

    @Test
    void aBudgetNoPartitionFitsGivesNoDesignAndSaysWhy() {
        SynthesisRequest request = SmallDesigns.request(700, MacroMode.SPECIFIED, true).withSearchSize(6, 3);
        CandidateOutcome outcome = SEARCH.search(request, SmallDesigns.POINT, SmallDesigns.duplication(), 1);
        assertFalse(outcome.found());
        assertNull(outcome.best());
        assertEquals(0, outcome.fitness());
        assertArrayEquals(new double[4], outcome.bestFitnessPerGeneration());
        assertTrue(outcome.reason().startsWith("none of the "), outcome.reason());
        assertTrue(outcome.reason().contains("[1, 1, 1, 1]: crossbars, DACs, scratchpads and NoC of 4 macros need"),
                outcome.reason());
    }

    @Test
    void unifiedMacrosThatCannotObeyRuleCGiveNoDesignAndSayWhy() {
        // 128x128 crossbars of 1-bit cells: an FC layer of 16 inputs and 8192 outputs has one row tile, so it
        // may span one macro (rule c), but its 64 column tiles x 16 slices = 1024 crossbars need two of 512.
        NetworkBuilder b = new NetworkBuilder("wide-fc");
        int x = b.input("x", new Shape(1, 16, 1, 1));
        b.fc("fc", b.flatten("f", x), 8192);
        Network network = b.build();
        DesignPoint point = new DesignPoint(0.3, 1, 128, 1, 7);
        SynthesisRequest request = SynthesisRequest.of(network, SmallDesigns.LIBRARY, 50_000, MacroMode.UNIFIED,
                true);
        CandidateOutcome outcome = SEARCH.search(request, point, new DuplicationCandidate(new int[] {1}, 0, 1024),
                1);
        assertFalse(outcome.found());
        assertEquals(0, outcome.evaluations());
        assertEquals("no unified macro size of [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448, "
                + "480, 512] crossbars obeys rule (c): even at 512 crossbars per macro, weight layer 0 would span 2 "
                + "macros, more than its limit of 1", outcome.reason());
    }
}
