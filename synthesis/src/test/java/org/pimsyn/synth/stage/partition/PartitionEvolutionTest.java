package org.pimsyn.synth.stage.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartitionEvolutionTest {
    private static final int[] TARGET = {7, 3, 7, 5, 1, 9};
    private static final PartitionRules RULES = PartitionRules.specified(new int[] {64, 64, 64, 64, 64, 64},
            new long[] {16, 16, 16, 16, 16, 16}, true);
    private static final PartitionEvolution.Settings SETTINGS = new PartitionEvolution.Settings(20, 40, 0.7, 0.7,
            0.4);

    /** 100 at the target counts with layers 0 and 2 sharing and no other pair; less the further from it. */
    private static GeneScore distanceToTarget(MacroGene gene) {
        double penalty = 0;
        for (int k = 0; k < gene.layers(); k++) {
            penalty += Math.abs(gene.macros(k) - TARGET[k]);
        }
        penalty += (gene.partner(0) == 2 ? 0 : 3) + 2 * (gene.pairs() - (gene.partner(0) == 2 ? 1 : 0));
        return GeneScore.of(Math.max(0, 100 - penalty));
    }

    @Test
    void childrenJoinThePopulationSoTheBestImprovesOnTheInitialGenes() {
        Set<MacroGene> scored = new HashSet<>();
        PartitionEvolution.Result result = PartitionEvolution.run(RULES, SETTINGS, gene -> {
            assertTrue(scored.add(gene), "scored twice: " + gene);
            assertEquals(null, RULES.violation(gene));
            return distanceToTarget(gene);
        }, 42);
        double[] best = result.bestFitnessPerGeneration();
        assertEquals(41, best.length);
        for (int g = 1; g < best.length; g++) {
            assertTrue(best[g] >= best[g - 1], "generation " + g);
        }
        assertTrue(best[40] > best[0], best[0] + " -> " + best[40]);
        assertEquals(best[40], result.score().fitness());
        assertEquals(scored.size(), result.evaluations());
        assertTrue(result.evaluations() > SETTINGS.genes(), "children were scored");
        assertEquals(distanceToTarget(result.best()), result.score());
        assertTrue(result.score().fitness() >= 95, "close to the target: " + result.best());
    }

    @Test
    void theSameSeedGivesTheSameSearch() {
        PartitionEvolution.Result a = PartitionEvolution.run(RULES, SETTINGS,
                PartitionEvolutionTest::distanceToTarget, 7);
        PartitionEvolution.Result b = PartitionEvolution.run(RULES, SETTINGS,
                PartitionEvolutionTest::distanceToTarget, 7);
        PartitionEvolution.Result c = PartitionEvolution.run(RULES, SETTINGS,
                PartitionEvolutionTest::distanceToTarget, 8);
        assertEquals(a.best(), b.best());
        assertArrayEquals(a.bestFitnessPerGeneration(), b.bestFitnessPerGeneration());
        assertEquals(a.evaluations(), b.evaluations());
        assertNotEquals(a.evaluations() + " " + a.best(), c.evaluations() + " " + c.best());
    }

    /** The target fitness, with a bound (the fitness + slack, a different slack per gene) below a floor. */
    private static final class BoundingFitness implements PartitionEvolution.Fitness {
        final Set<MacroGene> simulated = new HashSet<>();
        int bounded;

        @Override
        public GeneScore score(MacroGene gene) {
            simulated.add(gene);
            return distanceToTarget(gene);
        }

        @Override
        public GeneScore score(MacroGene gene, double floor) {
            double bound = distanceToTarget(gene).fitness() + (gene.hashCode() & 3);
            if (bound < floor) {
                bounded++;
                return GeneScore.below(bound);
            }
            return score(gene);
        }
    }

    @Test
    void childrenBoundedBelowTheLastSurvivorLeaveTheSearchUnchanged() {
        for (long seed = 1; seed <= 20; seed++) {
            PartitionEvolution.Result exact = PartitionEvolution.run(RULES, SETTINGS,
                    PartitionEvolutionTest::distanceToTarget, seed);
            BoundingFitness fitness = new BoundingFitness();
            PartitionEvolution.Result bounded = PartitionEvolution.run(RULES, SETTINGS, fitness, seed);
            assertEquals(exact.best(), bounded.best(), "seed " + seed);
            assertEquals(exact.score(), bounded.score(), "seed " + seed);
            assertArrayEquals(exact.bestFitnessPerGeneration(), bounded.bestFitnessPerGeneration(), "seed " + seed);
            assertTrue(fitness.bounded > 0, "seed " + seed + ": some children were only bounded");
            assertEquals(fitness.simulated.size(), bounded.evaluations(), "seed " + seed);
            assertEquals(exact.evaluations(), bounded.evaluations() + bounded.boundedGenes(), "seed " + seed);
            assertEquals(0, exact.boundedGenes());
        }
    }

    @Test
    void aBoundThatDoesNotLieBelowTheFloorIsRefused() {
        PartitionEvolution.Fitness lying = new PartitionEvolution.Fitness() {
            @Override
            public GeneScore score(MacroGene gene) {
                return distanceToTarget(gene);
            }

            @Override
            public GeneScore score(MacroGene gene, double floor) {
                return GeneScore.below(floor);
            }
        };
        assertThrows(IllegalStateException.class, () -> PartitionEvolution.run(RULES, SETTINGS, lying, 5));
    }

    @Test
    void theDynamicsCountChildrenBeatingTheirParentsAndThePopulationsSpread() {
        PartitionEvolution.Result result = PartitionEvolution.run(RULES, SETTINGS,
                PartitionEvolutionTest::distanceToTarget, 7);
        PartitionEvolution.Dynamics d = result.dynamics();
        assertEquals(SETTINGS.generations(), d.childrenPerGeneration().length);
        assertEquals(SETTINGS.generations() + 1, d.layersFromBestPerGeneration().length);
        int beating = 0;
        for (int g = 0; g < SETTINGS.generations(); g++) {
            assertEquals(SETTINGS.genes() - SETTINGS.survivors(), d.childrenPerGeneration()[g]);
            assertTrue(d.childrenBeatingParentPerGeneration()[g] >= 0
                    && d.childrenBeatingParentPerGeneration()[g] <= d.childrenPerGeneration()[g]);
            beating += d.childrenBeatingParentPerGeneration()[g];
            // Every gene differs from the best in at most all 6 layers; the best itself in none.
            double spread = d.layersFromBestPerGeneration()[g + 1];
            assertTrue(spread >= 0 && spread <= 6.0 * (SETTINGS.genes() - 1) / SETTINGS.genes(), "" + spread);
        }
        // The best improves from the initial population on, so some child beat its parent, and it is a child.
        assertTrue(result.bestFitnessPerGeneration()[SETTINGS.generations()] > result.bestFitnessPerGeneration()[0]);
        assertTrue(beating > 0);
        assertTrue(d.bestOrigin().startsWith("generation "), d.bestOrigin());
    }

    @Test
    void aSearchWithoutGenerationsKeepsItsSeedAndHasNoChildren() {
        PartitionEvolution.Result result = PartitionEvolution.run(RULES,
                new PartitionEvolution.Settings(20, 0, 0.7, 0.7, 0.4), gene -> GeneScore.of(1), 3);
        PartitionEvolution.Dynamics d = result.dynamics();
        assertEquals(0, d.childrenPerGeneration().length);
        assertEquals("trivial", d.bestOrigin(), "ties go to the older gene: the trivial one, scored first");
        // All 20 genes score alike; the 19 others are distinct from the trivial gene in at least one layer.
        assertTrue(d.layersFromBestPerGeneration()[0] >= 19.0 / 20, "" + d.layersFromBestPerGeneration()[0]);
    }

    @Test
    void theTrivialGeneIsScoredFirstAndWinsTies() {
        MacroGene[] first = new MacroGene[1];
        PartitionEvolution.Result result = PartitionEvolution.run(RULES, SETTINGS, gene -> {
            if (first[0] == null) {
                first[0] = gene;
            }
            return GeneScore.zero("nothing fits");
        }, 3);
        assertEquals(RULES.trivial(), first[0]);
        assertEquals(RULES.trivial(), result.best());
        assertEquals("nothing fits", result.score().reason());
    }

    @Test
    void survivorsAreTheEliteShareKeepingRoomForAChild() {
        assertEquals(28, new PartitionEvolution.Settings(40, 1, 0.7, 0.7, 0.4).survivors());
        assertEquals(39, new PartitionEvolution.Settings(40, 1, 1.0, 0.7, 0.4).survivors());
        assertEquals(1, new PartitionEvolution.Settings(2, 1, 0.01, 0.7, 0.4).survivors());
        assertThrows(IllegalArgumentException.class, () -> new PartitionEvolution.Settings(1, 1, 0.7, 0.7, 0.4));
        assertThrows(IllegalArgumentException.class, () -> new PartitionEvolution.Settings(4, 1, 0, 0.7, 0.4));
    }

    @Test
    void rulesWithoutAnyGeneCannotBeSearched() {
        PartitionRules none = PartitionRules.unified(new int[] {40}, new long[] {2}, false, new int[] {4, 8});
        assertThrows(IllegalStateException.class, () -> PartitionEvolution.run(none, SETTINGS,
                PartitionEvolutionTest::distanceToTarget, 1));
    }
}
