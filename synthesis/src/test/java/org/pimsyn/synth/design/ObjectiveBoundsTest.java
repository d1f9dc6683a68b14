package org.pimsyn.synth.design;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.chip.AreaModel;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.engine.RandomCases;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.synth.hardware.ConverterCombination;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.objective.Objective;
import org.pimsyn.synth.objective.Objectives;
import org.pimsyn.synth.objective.ScoreBounds;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;
import org.pimsyn.synth.stage.partition.GeneMutator;
import org.pimsyn.synth.stage.partition.MacroGene;
import org.pimsyn.synth.stage.partition.PartitionRules;

/**
 * Every objective's bounds are admissible: on random networks, design points, duplications, budgets and genes, no
 * simulated design scores above its design point's bound, nor above the gene bound of its own accelerator and
 * program; and the floors the bounds rest on lie below what simulations of any unit counts measure.
 */
class ObjectiveBoundsTest {
    private static final ComponentLibrary COSTS = ComponentLibraries.from(SmallDesigns.LIBRARY);

    @Test
    void noSimulatedDesignScoresAboveItsDesignPointsBoundOrItsGenesBoundUnderAnyObjective() {
        for (Objective objective : Objectives.all()) {
            Random r = new Random(41);
            SplittableRandom genes = new SplittableRandom(41);
            List<ConverterCombination> points = SmallDesigns.LIBRARY.converterCombinations().stream()
                    .filter(ConverterCombination::adcAvailable).toList();
            Simulator simulator = new Simulator();
            ScoreBounds bounds = objective.bounds().orElseThrow();
            int positive = 0;
            for (int c = 0; c < 24; c++) {
                Network network = FitnessUpperBoundTest.singleInputNetwork(r);
                ConverterCombination combo = points.get(r.nextInt(points.size()));
                DesignPoint point = new DesignPoint(0.3, combo.resRramBits(), combo.xbSizeRows(),
                        combo.resDacBits(), combo.adcBits());
                DuplicationCandidate duplication = FitnessUpperBoundTest.randomDuplication(r, network);
                DataflowSkeleton skeleton = SmallDesigns.skeleton(network, duplication, point);
                MacroMode mode = r.nextBoolean() ? MacroMode.SPECIFIED : MacroMode.UNIFIED;
                boolean sharing = r.nextBoolean();
                double fixedMw = new DesignEvaluator(FitnessUpperBoundTest.request(network, 1e9, mode, sharing, 1),
                        point, skeleton, COSTS).evaluate(FitnessUpperBoundTest.trivialOf(skeleton, mode, sharing))
                        .peakPower().fixedMw();
                SynthesisRequest request = FitnessUpperBoundTest.request(network,
                        fixedMw * (1.05 + 3 * r.nextDouble()), mode, sharing, 1 + r.nextInt(3))
                        .withObjective(objective);
                DesignEvaluator evaluator = new DesignEvaluator(request, point, skeleton, COSTS);
                double pointBound = bounds.designPoint(request, point, skeleton, COSTS);
                PartitionRules rules = evaluator.rules();
                GeneMutator mutator = new GeneMutator(rules);
                MacroGene gene = rules.trivial();
                for (int i = 0; i < 8; i++) {
                    DesignEvaluator.Evaluation e = evaluator.evaluate(gene);
                    double score = e.score().fitness();
                    String where = objective + ", candidate " + c + " (" + network.name() + ", " + point + ") gene "
                            + gene + ": score " + score;
                    assertTrue(score <= pointBound, where + " above the design point's bound " + pointBound);
                    if (e.design() != null) {
                        IrProgram program = skeleton.compile(e.design().placement()).program();
                        double geneBound = bounds.gene(simulator, e.design().accelerator(), COSTS, program,
                                SmallDesigns.LIBRARY.limits());
                        assertTrue(score <= geneBound, where + " above its gene bound " + geneBound);
                    }
                    positive += score > 0 ? 1 : 0;
                    gene = i % 2 == 0 ? rules.random(genes, 0.4) : mutator.child(gene, genes, 0.7, 0.4);
                }
            }
            assertTrue(positive > 60, objective + ": " + positive + " designs fit");
        }
    }

    @Test
    void aGenesFloorsLieBelowWhatRunsOfAnyUnitCountsWithinTheBudgetMeasure() {
        SplittableRandom rnd = new SplittableRandom(43);
        Simulator simulator = new Simulator();
        int checked = 0;
        for (int c = 0; c < 150; c++) {
            Accelerator base = RandomCases.design(rnd);
            IrProgram p = RandomCases.program(rnd, base, 40);
            for (int variant = 0; variant < 4; variant++) {
                Accelerator acc = AnyUnitsBoundTest.withUnits(base, rnd,
                        variant == 0 ? 1e9 : 1 + rnd.nextDouble() * 200);
                DesignFloors floors = AnyUnitsBound.floors(simulator, acc, TestDesigns.library(), p,
                        org.pimsyn.synth.hardware.PhysicalLimits.NONE);
                Performance run = simulator.fitness(acc, TestDesigns.library(), p,
                        RunPlan.images(1 + rnd.nextInt(3)));
                if (!run.withinPowerBudget()) {
                    continue;
                }
                String where = "case " + c + " variant " + variant + ": ";
                assertTrue(floors != null, where + "a run within the budget, floors none");
                double slack = 1 + 1e-9;
                assertTrue(floors.energyPerImagePj() <= run.energyPerImagePj() * slack, where + "energy");
                assertTrue(floors.intervalNs() <= run.intervalNs() * slack, where + "interval "
                        + floors.intervalNs() + " above " + run.intervalNs());
                assertTrue(floors.latencyNs() <= run.firstImageLatencyCycles() / acc.clockGhz() * slack,
                        where + "latency");
                assertTrue(floors.throughputGops() >= run.throughputGops() / slack, where + "throughput");
                Double area = AreaModel.of(acc, TestDesigns.library()).areaMm2();
                assertTrue(area == null || floors.areaMm2() <= area * slack, where + "area");
                checked++;
            }
        }
        assertTrue(checked > 200, checked + " runs within their budget");
    }
}
