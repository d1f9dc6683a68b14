package org.pimsyn.synth.stage.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PartitionRulesTest {
    private static final int NONE = MacroGene.NO_PARTNER;
    private static final int[] CROSSBARS = {5, 3, 40};
    private static final long[] MAX_MACROS = {8, 2, 10};

    @Test
    void aLayerSpansAtMostItsRuleCLimitAndItsCrossbars() {
        PartitionRules rules = PartitionRules.specified(CROSSBARS, MAX_MACROS, true);
        assertEquals(5, rules.limit(0));
        assertEquals(2, rules.limit(1));
        assertEquals(10, rules.limit(2));
        assertEquals(5, rules.pairLimit(0, 2));
        assertEquals(MacroGene.unshared(new int[] {1, 1, 1}, 0), rules.trivial());
        assertNull(rules.violation(new MacroGene(new int[] {5, 2, 5}, new int[] {2, NONE, 0}, 0)));
        assertEquals("layer 0 spans 6 macros, more than its limit of 5 (rule c)",
                rules.violation(MacroGene.unshared(new int[] {6, 1, 1}, 0)));
        assertEquals("layer 0 spans 6 macros, more than its limit of 5 (rule c)",
                rules.violation(new MacroGene(new int[] {6, 1, 6}, new int[] {2, NONE, 0}, 0)));
        assertEquals("specified macros have no macro size", rules.violation(MacroGene.unshared(new int[] {1, 1, 1},
                8)));
    }

    @Test
    void withoutSharingNoGeneMayPair() {
        PartitionRules rules = PartitionRules.specified(CROSSBARS, MAX_MACROS, false);
        assertEquals("layer 0 shares macros with layer 2 but sharing is off",
                rules.violation(new MacroGene(new int[] {1, 1, 1}, new int[] {2, NONE, 0}, 0)));
    }

    @Test
    void unifiedSizesAreUsableWhereEveryLayerObeysRuleC() {
        // At 2 crossbars per macro layer 2 would span 20 macros (limit 10); 4, 8 and 16 are usable.
        PartitionRules rules = PartitionRules.unified(CROSSBARS, MAX_MACROS, true, new int[] {2, 4, 8, 16});
        assertTrue(rules.feasible());
        assertArrayEquals(new int[] {4, 8, 16}, rules.usableSizes());
        assertEquals(new MacroGene(new int[] {1, 1, 3}, new int[] {NONE, NONE, NONE}, 16), rules.trivial());
        assertEquals(3, rules.pairMacrosAt(16, 0, 2));
        assertTrue(rules.canPairAt(16, 0, 2));
        assertTrue(rules.canPairAt(4, 0, 1));
        assertFalse(rules.canPairAt(4, 0, 2));
        assertEquals(new MacroGene(new int[] {12, 1, 12}, new int[] {2, NONE, 0}, 4),
                rules.unifiedGene(4, new int[] {2, NONE, 0}));
        assertEquals("layer 0 spans 12 macros, more than its limit of 5 (rule c)",
                rules.violation(rules.unifiedGene(4, new int[] {2, NONE, 0})));
        assertEquals("layer 2 spans 3 macros; at size 8 it needs 5",
                rules.violation(MacroGene.unshared(new int[] {1, 1, 3}, 8)));
        assertEquals("macro size 2 is not among the usable sizes [4, 8, 16]",
                rules.violation(MacroGene.unshared(new int[] {3, 2, 20}, 2)));
    }

    @Test
    void thePairedGenePairsNeighboursInOrderOnTheFewestMacrosTheRulesAllow() {
        assertEquals(new MacroGene(new int[] {1, 1, 1}, new int[] {1, 0, NONE}, 0),
                PartitionRules.specified(CROSSBARS, MAX_MACROS, true).paired());
        assertEquals(new MacroGene(new int[] {1, 1, 1, 1}, new int[] {1, 0, 3, 2}, 0),
                PartitionRules.specified(new int[] {5, 3, 40, 2}, new long[] {8, 2, 10, 1}, true).paired());
        assertNull(PartitionRules.specified(CROSSBARS, MAX_MACROS, false).paired());
        assertNull(PartitionRules.specified(new int[] {5}, new long[] {8}, true).paired());
        // Unified at the largest usable size, 16: layers 0 and 1 pool 8 crossbars into one macro; layer 2 alone.
        assertEquals(new MacroGene(new int[] {1, 1, 3}, new int[] {1, 0, NONE}, 16),
                PartitionRules.unified(CROSSBARS, MAX_MACROS, true, new int[] {2, 4, 8, 16}).paired());
        // At 4 crossbars per macro, 0 and 1 would pool into 2 macros, beyond layer 1's limit of 1: no pair.
        assertEquals(new MacroGene(new int[] {2, 1, 10}, new int[] {NONE, NONE, NONE}, 4),
                PartitionRules.unified(CROSSBARS, new long[] {8, 1, 10}, true, new int[] {4}).paired());
    }

    @Test
    void noUsableUnifiedSizeIsReported() {
        PartitionRules rules = PartitionRules.unified(new int[] {40}, new long[] {2}, false, new int[] {4, 8});
        assertFalse(rules.feasible());
        assertEquals("no unified macro size of [4, 8] crossbars obeys rule (c): even at 8 crossbars per macro, "
                + "weight layer 0 would span 5 macros, more than its limit of 2", rules.infeasibleReason());
        assertThrows(IllegalStateException.class, rules::trivial);
    }

    @Test
    void randomGenesObeyTheRules() {
        SplittableRandom r = new SplittableRandom(11);
        for (int c = 0; c < 300; c++) {
            RandomRules.Case rc = RandomRules.generate(r);
            rc.assertObeys(rc.rules().trivial());
            if (rc.rules().paired() != null) {
                rc.assertObeys(rc.rules().paired());
            }
            for (int i = 0; i < 20; i++) {
                rc.assertObeys(rc.rules().random(r, 0.5));
            }
        }
    }

    @Test
    void randomGenesPairLayersWhereSharingIsOn() {
        PartitionRules rules = PartitionRules.specified(new int[] {50, 50, 50, 50}, new long[] {9, 9, 9, 9}, true);
        SplittableRandom r = new SplittableRandom(3);
        Set<Integer> pairCounts = new HashSet<>();
        Set<Integer> macroCounts = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            MacroGene gene = rules.random(r, 0.3);
            pairCounts.add(gene.pairs());
            macroCounts.add(gene.macros(0));
        }
        assertEquals(Set.of(0, 1, 2), pairCounts);
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9), macroCounts);
    }

    @Test
    void logUniformCountsStayWithinOneAndTheLimit() {
        SplittableRandom r = new SplittableRandom(5);
        int ones = 0;
        for (int i = 0; i < 2000; i++) {
            int v = PartitionRules.logUniform(r, 100);
            assertTrue(v >= 1 && v <= 100);
            ones += v == 1 ? 1 : 0;
        }
        // P(1) = ln 2 / ln 101, about 15 %, far above the uniform 1 %.
        assertTrue(ones > 200 && ones < 400, "ones " + ones);
        assertEquals(1, PartitionRules.logUniform(r, 1));
    }
}
