package org.pimsyn.synth.design;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.PhysicalLimit;
import org.pimsyn.synth.hardware.PhysicalLimits;
import org.pimsyn.synth.stage.allocation.MacroSplit;
import org.pimsyn.synth.stage.partition.EvolutionaryCandidateSearch;
import org.pimsyn.synth.stage.partition.GeneScore;
import org.pimsyn.synth.stage.partition.MacroGene;

/**
 * Stage 4 and the bounds under the library's physical limits, on the small network's design point (424 crossbars of
 * 128 x 128, 10-bit ADCs of 6.9 mW at peak).
 */
class PhysicalLimitsDesignTest {
    private static final PhysicalLimit ISAAC_ADC = new PhysicalLimit(128, "ISAAC: one ADC per 128 columns");
    private static final PhysicalLimits ADC_ONLY = new PhysicalLimits(null, ISAAC_ADC, null, null, "");
    private static final PhysicalLimits ALL = new PhysicalLimits(new PhysicalLimit(64, "test"), ISAAC_ADC,
            new PhysicalLimit(4, "test"), new PhysicalLimit(4, "test"), "");

    private static SynthesisRequest request(double powerMw, PhysicalLimits limits, boolean sharing) {
        HardwareLibrary library = SmallDesigns.LIBRARY.withLimits(limits);
        return SynthesisRequest.of(SmallDesigns.network(), library, powerMw, MacroMode.SPECIFIED, sharing);
    }

    private static DesignEvaluator evaluator(SynthesisRequest request) {
        return SmallDesigns.evaluator(request, SmallDesigns.duplication(), SmallDesigns.POINT);
    }

    @Test
    void aMacroOfThreeCrossbarsOf128ColumnsUnder128ColumnsPerAdcNeedsThreeAdcs() {
        assertEquals(3, ADC_ONLY.leastAdcs(3, 128));
        assertEquals(6, ADC_ONLY.leastAdcs(3, 256));
        assertEquals(1, ADC_ONLY.leastAdcs(1, 64));
        assertEquals(1, PhysicalLimits.NONE.leastAdcs(3, 128));
        // A group's 10 ADCs over macros needing 3, 1 and 2: each its least, the 4 left spread evenly.
        assertArrayEquals(new int[] {5, 2, 3}, MacroSplit.atLeast(10, new boolean[] {true, true, true},
                new int[] {3, 1, 2}));
        // With every least 1 the split is the even one.
        assertArrayEquals(MacroSplit.evenly(7, new boolean[] {true, false, true, true}),
                MacroSplit.atLeast(7, new boolean[] {true, false, true, true}, new int[] {1, 1, 1, 1}));
    }

    @Test
    void everyMacroHasTheAdcsItsColumnsNeed() {
        SynthesisRequest request = request(8000, ADC_ONLY, false);
        DesignEvaluator evaluator = evaluator(request);
        DesignEvaluator.Evaluation e = evaluator.evaluate(MacroGene.unshared(new int[] {3, 1, 2, 1}, 0));
        assertTrue(e.score().fitness() > 0, e.score().reason());
        List<Macro> macros = e.design().accelerator().macros();
        for (Macro m : macros) {
            assertTrue(m.adcs().count() >= m.crossbarCount(), m.adcs().count() + " ADCs for " + m.crossbarCount()
                    + " crossbars of 128 columns");
        }
        assertEquals(List.of(), LimitCheck.violations(e.design().accelerator(), ADC_ONLY));
        // Without the limit the same gene's macros make do with far fewer.
        DesignEvaluator.Evaluation free = evaluator(request(8000, PhysicalLimits.NONE, false))
                .evaluate(MacroGene.unshared(new int[] {3, 1, 2, 1}, 0));
        assertTrue(LimitCheck.violations(free.design().accelerator(), ADC_ONLY).size() > 0);
    }

    @Test
    void aDesignThatCannotAffordItsAdcsScoresZeroWithTheReason() {
        // 424 ADCs of 6.9 mW are 2.9 W, more than a 2 W budget holds.
        GeneScore score = evaluator(request(2000, ADC_ONLY, false)).score(MacroGene.unshared(new int[] {3, 1, 2, 1},
                0));
        assertEquals(0, score.fitness());
        assertTrue(score.reason().matches("7 macros: the peripherals need at least .* \\(among them 424 ADCs, "
                + "2925\\.6000 mW: one per 128 crossbar columns of each macro, the library's limits.columnsPerAdc\\)"),
                score.reason());
    }

    @Test
    void aGeneOverTheLargestMeshScoresZeroWithTheReason() {
        DesignEvaluator evaluator = evaluator(request(8000, ALL, false));
        MacroGene gene = evaluator.rules().trivial();
        GeneScore over = evaluator.score(MacroGene.unshared(new int[] {gene.macros(0) + 9, gene.macros(1),
                gene.macros(2), gene.macros(3)}, 0));
        assertEquals(0, over.fitness());
        assertTrue(over.reason().endsWith("macros exceed the largest mesh of 4 rows x 4 columns (16 macros) (the "
                + "library's limits)"), over.reason());
    }

    @Test
    void theBoundsStayAdmissibleAndPruningChangesNothing() {
        for (boolean sharing : new boolean[] {false, true}) {
            SynthesisRequest limited = request(8000, ALL, sharing).withSearchSize(8, 6);
            SynthesisRequest free = request(8000, PhysicalLimits.NONE, sharing).withSearchSize(8, 6);
            double bound = new EvolutionaryCandidateSearch().fitnessUpperBound(limited, SmallDesigns.POINT,
                    SmallDesigns.duplication());
            double freeBound = new EvolutionaryCandidateSearch().fitnessUpperBound(free, SmallDesigns.POINT,
                    SmallDesigns.duplication());
            // The limits only add to what every design holds: the bound can only fall.
            assertTrue(bound <= freeBound, bound + " vs " + freeBound);
            CandidateOutcome bounded = new EvolutionaryCandidateSearch(true).search(limited, SmallDesigns.POINT,
                    SmallDesigns.duplication(), 3);
            CandidateOutcome simulated = new EvolutionaryCandidateSearch(false).search(limited, SmallDesigns.POINT,
                    SmallDesigns.duplication(), 3);
            assertTrue(bounded.found(), bounded.reason());
            assertTrue(bounded.fitness() <= bound, bounded.fitness() + " vs " + bound);
            assertEquals(simulated.fitness(), bounded.fitness());
            assertArrayEquals(simulated.bestFitnessPerGeneration(), bounded.bestFitnessPerGeneration());
            assertEquals(List.of(), LimitCheck.violations(bounded.best().accelerator(), ALL));
        }
    }

    @Test
    void theAdcsTheLimitForcesLeakThroughTheWholeIntervalInTheBound() {
        SynthesisRequest limited = request(8000, ADC_ONLY, false);
        var skeleton = SmallDesigns.skeleton(limited.network(), SmallDesigns.duplication(), SmallDesigns.POINT);
        var costs = ComponentLibraries.from(limited.library());
        var work = FitnessUpperBound.workload(skeleton);
        double dynamicPj = FitnessUpperBound.dynamicEnergyLowerBoundPj(limited.library(), SmallDesigns.POINT, work,
                costs);
        double restMw = FitnessUpperBound.restStaticPowerLowerBoundMw(limited, SmallDesigns.POINT, skeleton, costs);
        double aluPj = FitnessUpperBound.unitLeakageLowerBoundPj(limited.library(), SmallDesigns.POINT, work, costs)
                - FitnessUpperBound.adcLeakageLowerBoundPj(limited.library(), SmallDesigns.POINT, work, costs);
        double crossbarNs = FitnessUpperBound.crossbarTimeLowerBoundNs(SmallDesigns.POINT, skeleton, costs,
                limited.library().clockGhz());
        // 424 ADCs (one per 128 columns) of 10 bits leak for the whole interval, which is at least the crossbars'
        // busy time (the budget of 8 W buys units enough that it is the longer of the two times).
        double heldMw = restMw + 424 * costs.adc(10).staticPowerMw();
        double energyPj = dynamicPj + heldMw * crossbarNs + aluPj;
        double expected = 2.0 * skeleton.network().totalMacs() * 1000 / energyPj;
        double bound = FitnessUpperBound.of(limited, SmallDesigns.POINT, skeleton, costs);
        assertEquals(expected, bound, expected * 1e-8);
        CandidateOutcome searched = new EvolutionaryCandidateSearch().search(limited.withSearchSize(8, 6),
                SmallDesigns.POINT, SmallDesigns.duplication(), 3);
        assertTrue(searched.fitness() <= bound, searched.fitness() + " vs " + bound);
    }

    @Test
    void theLeastMacrosAndAdcsFollowTheLimits() {
        SynthesisRequest limited = request(8000, ALL, false);
        var skeleton = SmallDesigns.skeleton(limited.network(), SmallDesigns.duplication(), SmallDesigns.POINT);
        long sum = 0;
        for (int k = 0; k < skeleton.weightLayerCount(); k++) {
            sum += (skeleton.crossbarsOf(k) + 63) / 64;
        }
        assertEquals(Math.max(4, sum), FitnessUpperBound.leastMacros(limited, skeleton));
        assertEquals(424, FitnessUpperBound.leastAdcs(limited, SmallDesigns.POINT, skeleton));
        assertEquals(4, FitnessUpperBound.leastMacros(request(8000, PhysicalLimits.NONE, false), skeleton));
        assertEquals(0, FitnessUpperBound.leastAdcs(request(8000, PhysicalLimits.NONE, false), SmallDesigns.POINT,
                skeleton));
    }
}
