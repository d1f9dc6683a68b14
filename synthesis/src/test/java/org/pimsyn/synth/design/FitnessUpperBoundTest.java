package org.pimsyn.synth.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.engine.Activity;
import org.pimsyn.sim.engine.ResourceKind;
import org.pimsyn.sim.engine.SimulationObserver;
import org.pimsyn.synth.hardware.ConverterCombination;
import org.pimsyn.synth.hardware.PhysicalLimit;
import org.pimsyn.synth.hardware.PhysicalLimits;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.json.RandomNetworks;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.dataflow.DataflowWorkload;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;
import org.pimsyn.synth.stage.partition.EvolutionaryCandidateSearch;
import org.pimsyn.synth.stage.partition.GeneMutator;
import org.pimsyn.synth.stage.partition.MacroGene;
import org.pimsyn.synth.stage.partition.PartitionRules;

class FitnessUpperBoundTest {
    private static final ComponentLibrary COSTS = ComponentLibraries.from(SmallDesigns.LIBRARY);

    @Test
    void noEvaluatedGeneOfGeneratedCandidatesBeatsTheBound() {
        Random r = new Random(12);
        SplittableRandom genes = new SplittableRandom(12);
        int positive = 0;
        int evaluated = 0;
        for (int c = 0; c < 30; c++) {
            GeneratedCandidate candidate = GeneratedCandidate.draw(r);
            Network network = candidate.network();
            DesignPoint point = candidate.point();
            DuplicationCandidate duplication = candidate.duplication();
            DataflowSkeleton skeleton = candidate.skeleton();
            MacroMode mode = candidate.mode();
            boolean sharing = candidate.sharing();
            double fixedMw = new DesignEvaluator(request(network, 1e9, mode, sharing, 1), point, skeleton, COSTS)
                    .evaluate(trivialOf(skeleton, mode, sharing)).peakPower().fixedMw();
            double budgetMw = fixedMw * (1.05 + 3 * r.nextDouble());
            SynthesisRequest request = request(network, budgetMw, mode, sharing, 1 + r.nextInt(3));
            DesignEvaluator evaluator = new DesignEvaluator(request, point, skeleton, COSTS);
            double bound = FitnessUpperBound.of(request, point, skeleton, COSTS);
            PartitionRules rules = evaluator.rules();
            GeneMutator mutator = new GeneMutator(rules);
            MacroGene gene = rules.trivial();
            for (int i = 0; i < 8; i++) {
                double fitness = evaluator.score(gene).fitness();
                assertTrue(fitness <= bound, "candidate " + c + " (" + network.name() + ", " + point + ", "
                        + duplication + ") gene " + gene + ": fitness " + fitness + " above the bound " + bound);
                evaluated++;
                positive += fitness > 0 ? 1 : 0;
                gene = i % 2 == 0 ? rules.random(genes, 0.4) : mutator.child(gene, genes, 0.7, 0.4);
            }
        }
        assertEquals(240, evaluated);
        assertTrue(positive > 100, positive + " designs fit");
    }

    @Test
    void everyGeneOfGeneratedCandidatesKeepsSomeLinkBusyForTheNocTimeAndStaysUnderTheBound() {
        Random r = new Random(31);
        SplittableRandom genes = new SplittableRandom(31);
        int withNocTime = 0;
        int designs = 0;
        for (int n = 0; n < 40; n++) {
            GeneratedCandidate c = GeneratedCandidate.draw(r);
            DataflowSkeleton skeleton = c.skeleton();
            // So few crossbars per macro (the library's smallest unified size) that layers spread over macros.
            PhysicalLimits limits = new PhysicalLimits(new PhysicalLimit(32, "test"), null, null, null, "");
            SynthesisRequest request = new SynthesisRequest(c.network(), SmallDesigns.LIBRARY.withLimits(limits),
                    1e9, c.mode(), c.sharing(), 40, 200, 1);
            double nocNs = FitnessUpperBound.nocTimeLowerBoundNs(request, skeleton, COSTS);
            double bound = FitnessUpperBound.of(request, c.point(), skeleton, COSTS);
            withNocTime += nocNs > 0 ? 1 : 0;
            DesignEvaluator evaluator = new DesignEvaluator(request, c.point(), skeleton, COSTS);
            PartitionRules rules = evaluator.rules();
            GeneMutator mutator = new GeneMutator(rules);
            MacroGene gene = rules.trivial();
            for (int i = 0; i < 6; i++) {
                DesignEvaluator.Evaluation evaluation = evaluator.evaluate(gene);
                Design design = evaluation.design();
                if (design != null) {
                    Activity counted = new Simulator().count(design.accelerator(), COSTS,
                            skeleton.compile(design.placement()).program(), 1);
                    long busiestLink = 0;
                    for (int res = 0; res < counted.resources().size(); res++) {
                        if (counted.resources().kind(res) == ResourceKind.NOC_LINK) {
                            busiestLink = Math.max(busiestLink, counted.busyCyclesPerImage(res));
                        }
                    }
                    double nocCycles = nocNs * design.accelerator().clockGhz();
                    assertTrue(nocCycles <= busiestLink * (1 + 1e-9), "candidate " + n + " gene " + gene
                            + ": NoC time " + nocCycles + " cycles above the busiest link's " + busiestLink);
                    designs++;
                }
                double fitness = evaluation.score().fitness();
                assertTrue(fitness <= bound, "candidate " + n + " gene " + gene + ": fitness " + fitness
                        + " above the bound " + bound);
                gene = i % 2 == 0 ? rules.random(genes, 0.4) : mutator.child(gene, genes, 0.7, 0.4);
            }
        }
        assertTrue(withNocTime > 20, withNocTime + " candidates with a NoC time");
        assertTrue(designs > 150, designs + " designs checked");
    }

    @Test
    void theBoundOfTheSmallCandidateIsCloseAboveWhatTheTrivialGeneReaches() {
        SynthesisRequest request = SmallDesigns.request(2000, MacroMode.SPECIFIED, true);
        DataflowSkeleton skeleton = SmallDesigns.skeleton(request.network(), SmallDesigns.duplication(),
                SmallDesigns.POINT);
        double bound = FitnessUpperBound.of(request, SmallDesigns.POINT, skeleton, COSTS);
        double trivial = new DesignEvaluator(request, SmallDesigns.POINT, skeleton, COSTS)
                .score(MacroGene.unshared(new int[] {1, 1, 1, 1}, 0)).fitness();
        assertTrue(trivial > 0 && trivial <= bound && bound < 2 * trivial, trivial + " vs " + bound);
    }

    @Test
    void theCrossbarTimeIsTheBusiestCrossbarSetOfTheOneMacroPerLayerDesignInWholeCycles() {
        SynthesisRequest request = SmallDesigns.request(2000, MacroMode.SPECIFIED, false);
        DataflowSkeleton skeleton = SmallDesigns.skeleton(request.network(), SmallDesigns.duplication(),
                SmallDesigns.POINT);
        // 128-row crossbars of 2-bit cells read in 100 ns, 2-bit DACs in 4 ns: 104 ns is 124.8 cycles at 1.2 GHz,
        // so the simulator takes 125 cycles (104.1667 ns) an MVM.
        double mvmNs = 125 / 1.2;
        long passes = FitnessUpperBound.crossbarPassesPerImage(skeleton);
        double boundNs = FitnessUpperBound.crossbarTimeLowerBoundNs(SmallDesigns.POINT, skeleton, COSTS, 1.2);
        assertEquals(passes * mvmNs, boundNs, 1e-6);
        Design design = new DesignEvaluator(request, SmallDesigns.POINT, skeleton, COSTS)
                .evaluate(MacroGene.unshared(new int[] {1, 1, 1, 1}, 0)).design();
        Activity counted = new Simulator().simulate(design.accelerator(), COSTS,
                skeleton.compile(design.placement()).program(), 1, SimulationObserver.NONE);
        long busiest = 0;
        for (int r = 0; r < counted.resources().size(); r++) {
            if (counted.resources().kind(r) == ResourceKind.CROSSBARS) {
                busiest = Math.max(busiest, counted.busyCyclesPerImage(r));
            }
        }
        assertEquals(passes * 125, busiest);
    }

    @Test
    void aBudgetBelowTheStaticPowerEveryDesignHoldsBoundsAtZero() {
        // 424 crossbars of 0.03 mW static, their 54272 DACs of 0.0012 mW, 4 routers of 42 mW: over 230 mW.
        SynthesisRequest request = SmallDesigns.request(200, MacroMode.SPECIFIED, false);
        DataflowSkeleton skeleton = SmallDesigns.skeleton(request.network(), SmallDesigns.duplication(),
                SmallDesigns.POINT);
        assertEquals(0, FitnessUpperBound.of(request, SmallDesigns.POINT, skeleton, COSTS));
        assertEquals(0, new EvolutionaryCandidateSearch().fitnessUpperBound(request, SmallDesigns.POINT,
                SmallDesigns.duplication()));
    }

    @Test
    void aTightBudgetBoundsTheIntervalByTheUnitsItCanBuy() {
        DataflowSkeleton skeleton = SmallDesigns.skeleton(SmallDesigns.request(2000, MacroMode.SPECIFIED, true)
                .network(), SmallDesigns.duplication(), SmallDesigns.POINT);
        SynthesisRequest loose = SmallDesigns.request(2000, MacroMode.SPECIFIED, true);
        double fixedMw = FitnessUpperBound.fixedPeakLowerBoundMw(loose, SmallDesigns.POINT, skeleton,
                ComponentLibraries.from(SmallDesigns.LIBRARY));
        // 424 crossbars with the parts that follow them and their 54,272 DACs at peak, 2 macros (4 layers in pairs)
        // with the 64 KB scratchpad and the library's parts of every macro at peak, a 1 x 2 mesh: two routers and
        // two links, and the chip's own parts (the global buffer).
        PeakPowerModel model = new PeakPowerModel(SmallDesigns.LIBRARY, SmallDesigns.POINT);
        assertEquals(model.crossbarsMw(424) + model.dacsMw(424) + 2 * (model.scratchpadMw(0)
                + model.otherPerMacroMw()) + model.nocMw(1, 2) + model.otherPerChipMw(), fixedMw, 1e-9);
        DataflowWorkload work = FitnessUpperBound.workload(skeleton);
        double unitWorkPj = FitnessUpperBound.unitPeakWorkPj(SmallDesigns.LIBRARY, SmallDesigns.POINT, work, COSTS);
        double crossbarNs = FitnessUpperBound.crossbarTimeLowerBoundNs(SmallDesigns.POINT, skeleton, COSTS,
                SmallDesigns.LIBRARY.clockGhz());
        // Just above the fixed parts of the trivial gene, the units the rest buys are the interval's bottleneck ...
        double trivialFixedMw = new DesignEvaluator(loose, SmallDesigns.POINT, skeleton, COSTS)
                .evaluate(trivialOf(skeleton, MacroMode.SPECIFIED, true)).peakPower().fixedMw();
        double tightMw = trivialFixedMw + unitWorkPj / crossbarNs / 4;
        SynthesisRequest tight = SmallDesigns.request(tightMw, MacroMode.SPECIFIED, true);
        assertTrue(unitWorkPj / (tightMw - fixedMw) > crossbarNs);
        double bound = FitnessUpperBound.of(tight, SmallDesigns.POINT, skeleton, COSTS);
        // ... so the bound falls below what the crossbar time alone allows, and stays above every gene's fitness.
        double restMw = FitnessUpperBound.restStaticPowerLowerBoundMw(tight, SmallDesigns.POINT, skeleton, COSTS);
        double dynamicPj = FitnessUpperBound.dynamicEnergyLowerBoundPj(SmallDesigns.LIBRARY, SmallDesigns.POINT, work,
                COSTS);
        double unitsPj = FitnessUpperBound.unitLeakageLowerBoundPj(SmallDesigns.LIBRARY, SmallDesigns.POINT, work,
                COSTS);
        double withCrossbarTimeOnly = 2.0 * tight.network().totalMacs() * 1000
                / (dynamicPj + restMw * crossbarNs + unitsPj);
        assertTrue(bound < withCrossbarTimeOnly, bound + " vs " + withCrossbarTimeOnly);
        DesignEvaluator evaluator = new DesignEvaluator(tight, SmallDesigns.POINT, skeleton, COSTS);
        PartitionRules rules = evaluator.rules();
        SplittableRandom genes = new SplittableRandom(5);
        int fit = 0;
        for (int i = 0; i < 20; i++) {
            MacroGene gene = i == 0 ? rules.trivial() : rules.random(genes, 0.4);
            double fitness = evaluator.score(gene).fitness();
            assertTrue(fitness <= bound, "gene " + gene + ": " + fitness + " above " + bound);
            fit += fitness > 0 ? 1 : 0;
        }
        assertTrue(fit > 0, "some gene fits the tight budget");
    }

    static MacroGene trivialOf(DataflowSkeleton skeleton, MacroMode mode, boolean sharing) {
        return PartitionRules.of(skeleton, mode == MacroMode.UNIFIED, sharing,
                SmallDesigns.LIBRARY.search().evolution().macroSizesCrossbars()).trivial();
    }

    static SynthesisRequest request(Network network, double budgetMw, MacroMode mode, boolean sharing,
            int images) {
        return new SynthesisRequest(network, SmallDesigns.LIBRARY, budgetMw, mode, sharing, 40, 200, images);
    }

    static Network singleInputNetwork(Random r) {
        while (true) {
            Network network = RandomNetworks.generate(r.nextLong());
            if (network.inputs().size() == 1 && !network.weightLayers().isEmpty()) {
                return network;
            }
        }
    }

    static DuplicationCandidate randomDuplication(Random r, Network network) {
        List<Layer> layers = network.weightLayers();
        int[] dup = new int[layers.size()];
        for (int k = 0; k < dup.length; k++) {
            int positions = layers.get(k).outputPositions();
            dup[k] = r.nextBoolean() ? 1 + r.nextInt(positions) : Math.max(1, positions / (1 + r.nextInt(8)));
        }
        return new DuplicationCandidate(dup, 0, 0);
    }

    /** A small generated network on a design point of the library, a duplication of it, and how macros are formed. */
    private record GeneratedCandidate(Network network, DesignPoint point, DuplicationCandidate duplication,
            DataflowSkeleton skeleton, MacroMode mode, boolean sharing) {
        static GeneratedCandidate draw(Random r) {
            List<ConverterCombination> points = SmallDesigns.LIBRARY.converterCombinations().stream()
                    .filter(ConverterCombination::adcAvailable).toList();
            Network network = singleInputNetwork(r);
            ConverterCombination combo = points.get(r.nextInt(points.size()));
            DesignPoint point = new DesignPoint(0.3, combo.resRramBits(), combo.xbSizeRows(), combo.resDacBits(),
                    combo.adcBits());
            DuplicationCandidate duplication = randomDuplication(r, network);
            MacroMode mode = r.nextBoolean() ? MacroMode.SPECIFIED : MacroMode.UNIFIED;
            return new GeneratedCandidate(network, point, duplication,
                    SmallDesigns.skeleton(network, duplication, point), mode, r.nextBoolean());
        }
    }
}
