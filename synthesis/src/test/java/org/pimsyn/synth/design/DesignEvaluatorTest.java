package org.pimsyn.synth.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.ScratchpadSpec;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.stage.allocation.AllocationMode;
import org.pimsyn.synth.stage.allocation.ComponentAllocation;
import org.pimsyn.synth.stage.allocation.PeripheralAllocator;
import org.pimsyn.synth.stage.allocation.PeripheralUnits;
import org.pimsyn.synth.stage.dataflow.CompiledDataflow;
import org.pimsyn.synth.stage.dataflow.DataflowWorkload;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;
import org.pimsyn.synth.stage.partition.GeneMutator;
import org.pimsyn.synth.stage.partition.GeneScore;
import org.pimsyn.synth.stage.partition.MacroGene;
import org.pimsyn.synth.stage.partition.MacroLayout;
import org.pimsyn.synth.stage.partition.PartitionRules;
import org.pimsyn.synth.objective.Objectives;

class DesignEvaluatorTest {
    private static final int SIDE = 64;
    private static final int CHANNELS = 256;

    private static final int NONE = MacroGene.NO_PARTNER;
    private static final int KINDS = PeripheralUnits.COUNT;

    @Test
    void theAllocationGetsExactlyWhatTheFixedPartsLeave() {
        SynthesisRequest request = SmallDesigns.request(2000, MacroMode.SPECIFIED, true);
        DesignEvaluator evaluator = SmallDesigns.evaluator(request, SmallDesigns.duplication(), SmallDesigns.POINT);
        // c1 on 2 macros shared with fc; c2 and c3 on one macro each: 4 macros, groups {c1, fc}, {c2}, {c3}.
        MacroGene gene = new MacroGene(new int[] {2, 1, 1, 2}, new int[] {3, NONE, NONE, 0}, 0);
        DesignEvaluator.Evaluation evaluation = evaluator.evaluate(gene);
        Design design = evaluation.design();
        assertNotNull(design);
        Accelerator acc = design.accelerator();
        assertEquals(4, acc.macros().size());
        assertEquals(2, acc.meshRows());
        assertEquals(2, acc.meshCols());

        PeakPowerModel model = new PeakPowerModel(SmallDesigns.LIBRARY, SmallDesigns.POINT);
        int[] scratchpads = new int[4];
        for (int m = 0; m < 4; m++) {
            scratchpads[m] = scratchpadIndex(acc.macros().get(m).scratchpad().capacityKb());
        }
        double fixedMw = model.of(424, scratchpads, 2, 2, 0).fixedMw();
        MacroLayout layout = MacroLayout.of(gene, evaluator.rules().crossbars());
        DataflowWorkload work = evaluator.skeleton().compile(layout.placement()).workload();
        int[][] groupLayers = {{0, 3}, {1}, {2}};
        int[][] groupMacros = {{0, 1}, {2}, {3}};
        long[][] workload = new long[3][KINDS];
        int[][] least = new int[3][KINDS];
        for (int g = 0; g < 3; g++) {
            for (int k : groupLayers[g]) {
                workload[g][PeripheralUnits.ADC] += work.adcConversions(k);
                for (AluKind kind : AluKind.values()) {
                    workload[g][PeripheralUnits.indexOf(kind)] += work.aluElements(k, kind);
                }
            }
            for (int c = 0; c < KINDS; c++) {
                least[g][c] = c <= PeripheralUnits.indexOf(AluKind.SHIFT_ADD) ? groupMacros[g].length : 1;
            }
        }
        PeripheralUnits units = PeripheralUnits.of(ComponentLibraries.from(SmallDesigns.LIBRARY), SmallDesigns.LIBRARY,
                SmallDesigns.POINT.adcBits());
        double floorNs = FitnessUpperBound.crossbarTimeLowerBoundNs(SmallDesigns.POINT, evaluator.skeleton(),
                ComponentLibraries.from(SmallDesigns.LIBRARY), SmallDesigns.LIBRARY.clockGhz());
        ComponentAllocation expected = (ComponentAllocation) PeripheralAllocator.allocate(workload,
                units.ratesPerNs(), units.unitPowersMw(), 2000 - fixedMw, least, floorNs);
        for (int g = 0; g < 3; g++) {
            for (int c = 0; c < KINDS; c++) {
                AluKind kind = PeripheralUnits.aluKind(c);
                int placed = 0;
                for (int m : groupMacros[g]) {
                    Macro macro = acc.macros().get(m);
                    placed += kind == null ? macro.adcs().count()
                            : macro.alusOf(kind) == null ? 0 : macro.alusOf(kind).count();
                }
                assertEquals(expected.count(g, c), placed, "group " + g + ", " + (kind == null ? "adc" : kind.label()));
            }
        }
        assertEquals(fixedMw, evaluation.peakPower().fixedMw(), 1e-9);
        PeakPower readOff = PeakPowerModel.of(design);
        assertEquals(evaluation.peakPower().totalMw(), readOff.totalMw(), 1e-9);
        assertEquals(evaluation.peakPower().peripheralsMw(), readOff.peripheralsMw(), 1e-9);
        assertEquals(expected.powerMw(), evaluation.peakPower().peripheralsMw(), 1e-9);
        assertTrue(evaluation.peakPower().totalMw() <= 2000 * (1 + 1e-9));
        // The units reach the slowest layer's crossbar time and stop there, leaving budget unspent; the slowest
        // unit is at most that floor.
        assertTrue(expected.maxLatencyNs() <= floorNs, expected.maxLatencyNs() + " vs " + floorNs);
        assertTrue(expected.powerMw() < 2000 - fixedMw - units.unitPowerMw(PeripheralUnits.ADC) * 3);
        // Without the floor the budget left over the fixed parts would all go to units.
        ComponentAllocation spendAll = (ComponentAllocation) PeripheralAllocator.allocate(workload,
                units.ratesPerNs(), units.unitPowersMw(), 2000 - fixedMw, least);
        assertTrue(spendAll.powerMw() > 2000 - fixedMw - units.unitPowerMw(PeripheralUnits.ADC) * 3);
        // Both layers of the pair list the shared macros, home first.
        assertEquals(List.of(0, 3), acc.macros().get(0).layers());
        assertEquals(List.of(0, 3), acc.macros().get(1).layers());
    }

    @Test
    void balancedAllocationSpendsWhatTheFixedPartsLeaveInProportionToWork() {
        MacroGene gene = new MacroGene(new int[] {2, 1, 1, 2}, new int[] {3, NONE, NONE, 0}, 0);
        SynthesisRequest floorRequest = SmallDesigns.request(2000, MacroMode.SPECIFIED, true);
        SynthesisRequest balancedRequest = floorRequest.withAllocation(AllocationMode.BALANCED);
        DesignEvaluator.Evaluation floor = SmallDesigns.evaluator(floorRequest, SmallDesigns.duplication(),
                SmallDesigns.POINT).evaluate(gene);
        DesignEvaluator.Evaluation balanced = SmallDesigns.evaluator(balancedRequest, SmallDesigns.duplication(),
                SmallDesigns.POINT).evaluate(gene);
        double leftMw = 2000 - balanced.peakPower().fixedMw();
        double adcMw = ComponentLibraries.from(SmallDesigns.LIBRARY).adc(SmallDesigns.POINT.adcBits()).peakPowerMw();
        // Balanced spends the power left but less than one ADC, within the budget; the floor mode stops short.
        assertTrue(balanced.peakPower().peripheralsMw() <= leftMw * (1 + 1e-9));
        assertTrue(balanced.peakPower().peripheralsMw() > leftMw - adcMw, balanced.peakPower() + " of " + leftMw);
        assertTrue(floor.peakPower().peripheralsMw() < balanced.peakPower().peripheralsMw() - adcMw);
        // ADCs per group follow the group's conversions: {c1, fc} on macros 0 and 1, c2 on 2, c3 on 3.
        MacroLayout layout = MacroLayout.of(gene, SmallDesigns.evaluator(balancedRequest, SmallDesigns.duplication(),
                SmallDesigns.POINT).rules().crossbars());
        DataflowWorkload work = SmallDesigns.evaluator(balancedRequest, SmallDesigns.duplication(), SmallDesigns.POINT)
                .skeleton().compile(layout.placement()).workload();
        List<Macro> macros = balanced.design().accelerator().macros();
        double[] adcsPerConversion = {
            (macros.get(0).adcs().count() + macros.get(1).adcs().count())
                    / (double) (work.adcConversions(0) + work.adcConversions(3)),
            macros.get(2).adcs().count() / (double) work.adcConversions(1),
            macros.get(3).adcs().count() / (double) work.adcConversions(2)};
        for (double r : adcsPerConversion) {
            assertEquals(adcsPerConversion[0], r, adcsPerConversion[0] * 0.1, java.util.Arrays.toString(
                    adcsPerConversion));
        }
    }

    @Test
    void everyMacroGetsItsCrossbarsDacsAndUnitsOfTheDesignPoint() {
        SynthesisRequest request = SmallDesigns.request(2000, MacroMode.SPECIFIED, false);
        DesignEvaluator evaluator = SmallDesigns.evaluator(request, SmallDesigns.duplication(), SmallDesigns.POINT);
        Design design = evaluator.evaluate(MacroGene.unshared(new int[] {3, 1, 2, 1}, 0)).design();
        Accelerator acc = design.accelerator();
        assertEquals(List.of("c1", "c2", "c3", "fc"), acc.layerNames());
        assertEquals(request.network().totalMacs(), acc.macsPerImage());
        assertEquals(2000, acc.powerBudgetMw());
        assertEquals(16, acc.dataBits());
        assertEquals(1.2, acc.clockGhz());
        // c1: 192 crossbars over 3 macros, 64 each, 64 x 128 DACs of 2 bits, 10-bit ADCs.
        Macro first = acc.macros().get(0);
        assertEquals(64, first.crossbarsOf(0).count());
        assertEquals(128, first.crossbarsOf(0).size());
        assertEquals(2, first.crossbarsOf(0).cellBits());
        assertEquals(64 * 128, first.dacs().count());
        assertEquals(2, first.dacs().resolutionBits());
        assertEquals(10, first.adcs().resolutionBits());
        assertTrue(first.adcs().count() >= 1);
        assertNotNull(first.alusOf(AluKind.SHIFT_ADD));
        // ReLU runs on c1's home macro only.
        assertNotNull(first.alusOf(AluKind.RELU));
        assertNull(acc.macros().get(1).alusOf(AluKind.RELU));
        assertEquals(7, acc.macros().size());
        for (Macro macro : acc.macros()) {
            assertEquals(1, macro.layers().size(), "no sharing");
            assertEquals(1, macro.scratchpad().ports());
            assertEquals(256, macro.scratchpad().busWidthBits());
        }
    }

    /** An evaluator of the small candidate and the budget it was made for. */
    private record Case(double budgetMw, DesignEvaluator evaluator) {
    }

    /** The small candidate at budgets from tight to loose, in both macro modes, with sharing at random. */
    private static List<Case> casesAtSeveralBudgets(SplittableRandom r) {
        List<Case> cases = new ArrayList<>();
        for (double budgetMw : new double[] {900, 2000, 6000}) {
            for (MacroMode mode : MacroMode.values()) {
                SynthesisRequest request = SmallDesigns.request(budgetMw, mode, r.nextBoolean());
                cases.add(new Case(budgetMw, SmallDesigns.evaluator(request, SmallDesigns.duplication(),
                        SmallDesigns.POINT)));
            }
        }
        return cases;
    }

    @Test
    void aGeneIsBoundedOnlyBelowTheFloorAndNeverBelowItsFitness() {
        SplittableRandom r = new SplittableRandom(17);
        int bounded = 0;
        int scored = 0;
        for (Case c : casesAtSeveralBudgets(r)) {
            PartitionRules rules = c.evaluator().rules();
            for (int i = 0; i < 10; i++) {
                MacroGene gene = i == 0 ? rules.trivial() : rules.random(r, 0.4);
                GeneScore exact = c.evaluator().score(gene);
                // Floors around the exact fitness, and far above it.
                for (double floor : new double[] {exact.fitness() * 0.5, exact.fitness() * 1.01 + 1,
                        exact.fitness() * 3 + 10, 1e9}) {
                    GeneScore answer = c.evaluator().score(gene, floor);
                    if (answer.bounded()) {
                        bounded++;
                        assertTrue(answer.fitness() < floor, gene + " bounded at " + answer.fitness()
                                + ", not below " + floor);
                        assertTrue(answer.fitness() >= exact.fitness(), gene + " bounded at " + answer.fitness()
                                + ", below its fitness " + exact.fitness());
                    } else {
                        scored++;
                        assertEquals(exact, answer);
                    }
                }
            }
        }
        assertTrue(bounded > 0 && scored > 0, bounded + " bounded, " + scored + " scored");
    }

    @Test
    void generatedGenesGiveDesignsWithinTheBudgetOrZeroWithAReason() {
        SplittableRandom r = new SplittableRandom(4);
        int positive = 0;
        int zero = 0;
        for (Case c : casesAtSeveralBudgets(r)) {
            double budgetMw = c.budgetMw();
            DesignEvaluator evaluator = c.evaluator();
            PartitionRules rules = evaluator.rules();
            GeneMutator mutator = new GeneMutator(rules);
            MacroGene gene = rules.trivial();
            for (int i = 0; i < 8; i++) {
                DesignEvaluator.Evaluation e = evaluator.evaluate(gene);
                GeneScore score = e.score();
                if (score.fitness() > 0) {
                    positive++;
                    Performance p = e.design().performance();
                    assertTrue(p.withinPowerBudget() && p.scratchpadsFit());
                    assertTrue(e.peakPower().totalMw() <= budgetMw * (1 + 1e-9), "peak of " + gene);
                    assertEquals(p.gopsPerWatt(), score.fitness());
                    assertEquals(Objectives.EFFICIENCY.value(e.design()), score.fitness());
                    assertEquals("", score.reason());
                    assertEquals(gene.totalMacros(), e.design().accelerator().macros().size());
                } else {
                    zero++;
                    assertFalse(score.reason().isBlank(), "a reason for " + gene);
                }
                gene = i % 2 == 0 ? rules.random(r, 0.4) : mutator.child(gene, r, 0.7, 0.4);
            }
        }
        assertTrue(positive > 0 && zero > 0, positive + " positive, " + zero + " zero");
    }

    @Test
    void fixedPartsOverTheBudgetScoreZeroWithTheirPower() {
        // 12 macros: 12 routers alone draw 504 mW of the 800 mW, with the crossbars and DACs over it.
        SynthesisRequest request = SmallDesigns.request(800, MacroMode.SPECIFIED, false);
        DesignEvaluator evaluator = SmallDesigns.evaluator(request, SmallDesigns.duplication(), SmallDesigns.POINT);
        DesignEvaluator.Evaluation e = evaluator.evaluate(MacroGene.unshared(new int[] {6, 2, 2, 2}, 0));
        assertEquals(0, e.score().fitness());
        assertNull(e.design());
        assertTrue(e.score().reason().startsWith("crossbars, DACs, scratchpads and NoC of 12 macros need "),
                e.score().reason());
        assertTrue(e.score().reason().endsWith(" mW at peak, leaving nothing of the 800.000 mW budget for ADCs and "
                + "ALUs"), e.score().reason());
    }

    @Test
    void aShortfallOfThePeripheralsScoresZero() {
        // Fixed parts fit, but not one ADC and one unit per macro and kind on top of them.
        SynthesisRequest probe = SmallDesigns.request(10_000, MacroMode.SPECIFIED, false);
        DesignEvaluator.Evaluation fits = SmallDesigns.evaluator(probe, SmallDesigns.duplication(),
                SmallDesigns.POINT).evaluate(MacroGene.unshared(new int[] {1, 1, 1, 1}, 0));
        double budget = fits.peakPower().fixedMw() + 1;
        SynthesisRequest request = SmallDesigns.request(budget, MacroMode.SPECIFIED, false);
        GeneScore score = SmallDesigns.evaluator(request, SmallDesigns.duplication(), SmallDesigns.POINT)
                .score(MacroGene.unshared(new int[] {1, 1, 1, 1}, 0));
        assertEquals(0, score.fitness());
        assertTrue(score.reason().startsWith("4 macros: the peripherals need at least "), score.reason());
    }

    @Test
    void aScratchpadThatOverflowsIsEnlargedUntilTheDesignFits() {
        Design design = overflowingDesign(SmallDesigns.LIBRARY).design();
        assertTrue(design.performance().scratchpadsFit());
        int grown = 0;
        for (Macro macro : design.accelerator().macros()) {
            grown += macro.scratchpad().capacityKb() > 64 ? 1 : 0;
        }
        assertTrue(grown > 0, "some scratchpad had to grow beyond its first size");
    }

    @Test
    void anOverflowBeyondTheLargestScratchpadScoresZero() {
        HardwareLibrary l = SmallDesigns.LIBRARY;
        HardwareLibrary only64 = new HardwareLibrary(l.origin(), l.clockGhz(), l.clockProvenance(), l.precision(),
                l.crossbars(), l.adcs(), l.dacs(), l.alus(), List.of(l.scratchpads().get(0)), l.noc(), l.search());
        GeneScore score = overflowingDesign(only64).score();
        assertEquals(0, score.fitness());
        assertTrue(score.reason().contains("more than the largest scratchpad (64 KB)"), score.reason());
    }

    @Test
    void genesBreakingTheRulesAreRejected() {
        SynthesisRequest request = SmallDesigns.request(2000, MacroMode.SPECIFIED, false);
        DesignEvaluator evaluator = SmallDesigns.evaluator(request, SmallDesigns.duplication(), SmallDesigns.POINT);
        assertThrows(IllegalArgumentException.class,
                () -> evaluator.score(new MacroGene(new int[] {1, 1, 1, 1}, new int[] {3, NONE, NONE, 0}, 0)));
    }

    @Test
    void theDesignsFitnessIsWhatAnIndependentSimulationGives() {
        SynthesisRequest request = SmallDesigns.request(2000, MacroMode.SPECIFIED, true);
        DesignEvaluator evaluator = SmallDesigns.evaluator(request, SmallDesigns.duplication(), SmallDesigns.POINT);
        DesignEvaluator.Evaluation e = evaluator.evaluate(
                new MacroGene(new int[] {2, 1, 1, 2}, new int[] {3, NONE, NONE, 0}, 0));
        Design d = e.design();
        Performance again = new Simulator().fitness(d.accelerator(), ComponentLibraries.from(SmallDesigns.LIBRARY),
                SmallDesigns.skeleton(request.network(), SmallDesigns.duplication(), SmallDesigns.POINT)
                        .compile(d.placement()).program(), d.fitnessRun());
        assertEquals(again, d.performance());
        assertEquals(again.gopsPerWatt(), e.score().fitness());
    }

    @Test
    void everyScratchpadHoldsAtLeastOneBlockOfEachLayerItServes() {
        SynthesisRequest request = SmallDesigns.request(2000, MacroMode.SPECIFIED, true);
        DesignEvaluator evaluator = SmallDesigns.evaluator(request, SmallDesigns.duplication(), SmallDesigns.POINT);
        SplittableRandom random = new SplittableRandom(11);
        int designs = 0;
        for (int i = 0; i < 20; i++) {
            Design d = evaluator.evaluate(evaluator.rules().random(random, 0.5)).design();
            if (d == null) {
                continue;
            }
            designs++;
            CompiledDataflow compiled = evaluator.skeleton().compile(d.placement());
            long dataBits = evaluator.skeleton().spec().activationBits();
            for (int m = 0; m < d.accelerator().macros().size(); m++) {
                long capacityBits = d.accelerator().macros().get(m).scratchpad().capacityBits();
                assertTrue(capacityBits >= compiled.blockFootprintElements(m) * dataBits, "macro " + m);
            }
        }
        assertTrue(designs > 10, designs + " designs");
    }

    /**
     * A residual block: the shortcut's data waits in the scratchpad of the add's home while two convolutions work
     * through rows of the map, well over the one block of each layer the first sizes hold.
     */
    private static DesignEvaluator.Evaluation overflowingDesign(HardwareLibrary library) {
        NetworkBuilder b = new NetworkBuilder("pile-up");
        int x = b.input("x", new Shape(1, 3, SIDE, SIDE));
        x = b.conv("first", x, CHANNELS, 3, 1, 1);
        int y = b.conv("second", x, CHANNELS, 3, 1, 1);
        y = b.conv("third", y, CHANNELS, 3, 1, 1);
        b.eltwise("add", LayerFunction.ADD, y, x);
        Network network = b.build();
        SynthesisRequest request = SynthesisRequest.of(network, library, 30_000, MacroMode.SPECIFIED, false);
        DuplicationCandidate duplication = new DuplicationCandidate(new int[] {1, 1, 1}, 0, 0);
        DesignEvaluator evaluator = new DesignEvaluator(request, SmallDesigns.POINT,
                SmallDesigns.skeleton(network, duplication, SmallDesigns.POINT), ComponentLibraries.from(library));
        return evaluator.evaluate(MacroGene.unshared(new int[] {1, 1, 1}, 0));
    }

    private static int scratchpadIndex(int capacityKb) {
        List<ScratchpadSpec> all = SmallDesigns.LIBRARY.scratchpads();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).capacityKb() == capacityKb) {
                return i;
            }
        }
        throw new AssertionError(capacityKb + " KB is no library scratchpad");
    }
}
