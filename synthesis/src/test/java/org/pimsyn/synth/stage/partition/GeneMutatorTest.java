package org.pimsyn.synth.stage.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeneMutatorTest {
    private static final int NONE = MacroGene.NO_PARTNER;
    private static final int[] CROSSBARS = {5, 3, 40};
    private static final long[] MAX_MACROS = {8, 2, 10};

    @Test
    void mutationsKeepEveryRuleOnGeneratedCases() {
        SplittableRandom r = new SplittableRandom(21);
        for (int c = 0; c < 300; c++) {
            RandomRules.Case rc = RandomRules.generate(r);
            GeneMutator mutator = new GeneMutator(rc.rules());
            MacroGene gene = rc.rules().random(r, 0.4);
            for (int step = 0; step < 40; step++) {
                MacroGene counted = mutator.mutateCount(gene, r);
                rc.assertObeys(counted);
                MacroGene shared = mutator.mutateSharing(gene, r);
                rc.assertObeys(shared);
                gene = mutator.child(gene, r, 0.7, 0.4);
                rc.assertObeys(gene);
            }
        }
    }

    @Test
    void aChildDiffersFromItsParentWhereTheRulesAllowAnotherGene() {
        SplittableRandom r = new SplittableRandom(8);
        PartitionRules rules = PartitionRules.specified(CROSSBARS, MAX_MACROS, false);
        GeneMutator mutator = new GeneMutator(rules);
        MacroGene parent = rules.trivial();
        for (int i = 0; i < 100; i++) {
            assertNotEquals(parent, mutator.child(parent, r, 0.7, 0.4));
            assertNotEquals(parent, mutator.child(parent, r, 0, 0));
        }
        // One layer that fits one macro only, without sharing: no other gene exists.
        PartitionRules single = PartitionRules.specified(new int[] {1}, new long[] {1}, true);
        assertEquals(single.trivial(), new GeneMutator(single).child(single.trivial(), r, 0.7, 0.4));
    }

    @Test
    void countMutationsVisitManyCountsWithinTheLimit() {
        SplittableRandom r = new SplittableRandom(2);
        PartitionRules rules = PartitionRules.specified(CROSSBARS, MAX_MACROS, false);
        GeneMutator mutator = new GeneMutator(rules);
        Set<Integer> seen = new HashSet<>();
        MacroGene gene = rules.trivial();
        for (int i = 0; i < 300; i++) {
            gene = mutator.mutateCount(gene, r);
            seen.add(gene.macros(2));
        }
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), seen);
    }

    @Test
    void sharingMutationCreatesThePairWhenOnlyCreationIsPossible() {
        // Two free layers: the only change is to pair them; the pair takes one of the counts, cut to 2.
        PartitionRules rules = PartitionRules.specified(new int[] {5, 3}, new long[] {8, 2}, true);
        MacroGene gene = MacroGene.unshared(new int[] {4, 2}, 0);
        Set<MacroGene> seen = new HashSet<>();
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 50; i++) {
            seen.add(new GeneMutator(rules).mutateSharing(gene, r));
        }
        assertEquals(Set.of(new MacroGene(new int[] {2, 2}, new int[] {1, 0}, 0)), seen);
    }

    @Test
    void sharingMutationDissolvesTheOnlyPairOfTwoLayersKeepingItsCount() {
        PartitionRules rules = PartitionRules.specified(new int[] {5, 3}, new long[] {8, 2}, true);
        MacroGene paired = new MacroGene(new int[] {2, 2}, new int[] {1, 0}, 0);
        MacroGene dissolved = new GeneMutator(rules).mutateSharing(paired, new SplittableRandom(4));
        assertEquals(MacroGene.unshared(new int[] {2, 2}, 0), dissolved);
    }

    @Test
    void sharingMutationMovesOrDissolvesOrCreates() {
        PartitionRules rules = PartitionRules.specified(new int[] {9, 9, 9, 9, 9}, new long[] {3, 3, 3, 3, 3}, true);
        MacroGene gene = new MacroGene(new int[] {2, 1, 2, 1, 1}, new int[] {2, NONE, 0, NONE, NONE}, 0);
        GeneMutator mutator = new GeneMutator(rules);
        SplittableRandom r = new SplittableRandom(6);
        boolean created = false;
        boolean dissolved = false;
        boolean moved = false;
        for (int i = 0; i < 100; i++) {
            MacroGene m = mutator.mutateSharing(gene, r);
            created |= m.pairs() == 2;
            dissolved |= m.pairs() == 0;
            moved |= m.pairs() == 1 && !m.equals(gene);
        }
        assertTrue(created && dissolved && moved);
    }

    @Test
    void withoutSharingTheSharingMutationChangesNothing() {
        PartitionRules rules = PartitionRules.specified(CROSSBARS, MAX_MACROS, false);
        MacroGene gene = rules.trivial();
        assertSame(gene, new GeneMutator(rules).mutateSharing(gene, new SplittableRandom(1)));
    }

    @Test
    void unifiedSizeMutationDissolvesPairsTheNewSizeForbids() {
        // Layers 0 and 2 may pair at 16 crossbars per macro (3 macros <= 5) but not at 8 (6) or 4 (12).
        PartitionRules rules = PartitionRules.unified(CROSSBARS, MAX_MACROS, true, new int[] {4, 8, 16});
        MacroGene gene = rules.unifiedGene(16, new int[] {2, NONE, 0});
        assertEquals(null, rules.violation(gene));
        SplittableRandom r = new SplittableRandom(9);
        Set<Integer> sizes = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            MacroGene m = new GeneMutator(rules).mutateCount(gene, r);
            sizes.add(m.macroSizeCrossbars());
            assertEquals(0, m.pairs());
            assertEquals(null, rules.violation(m));
        }
        assertEquals(Set.of(4, 8), sizes);
    }
}
