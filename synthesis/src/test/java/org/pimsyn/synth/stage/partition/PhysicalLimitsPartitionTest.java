package org.pimsyn.synth.stage.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.hardware.PhysicalLimit;
import org.pimsyn.synth.hardware.PhysicalLimits;

/** Rules (d) and (e): the library's crossbars per macro and largest mesh, in small cases worked by hand. */
class PhysicalLimitsPartitionTest {
    private static final int NONE = MacroGene.NO_PARTNER;

    static PhysicalLimits limits(Integer crossbarsPerMacro, Integer meshRows, Integer meshCols) {
        return new PhysicalLimits(limit(crossbarsPerMacro), null, limit(meshRows), limit(meshCols), "");
    }

    private static PhysicalLimit limit(Integer max) {
        return max == null ? null : new PhysicalLimit(max, "test");
    }

    @Test
    void aLayerOfTenCrossbarsUnderALimitOfFourNeedsAtLeastThreeMacros() {
        PartitionRules rules = PartitionRules.specified(new int[] {10}, new long[] {10}, false,
                limits(4, null, null));
        assertTrue(rules.feasible());
        assertEquals(3, rules.least(0));
        assertEquals(MacroGene.unshared(new int[] {3}, 0), rules.trivial());
        assertEquals("layer 0 spans 2 macros, fewer than the 3 that hold its crossbars at most 4 per macro (rule d)",
                rules.violation(MacroGene.unshared(new int[] {2}, 0)));
        assertNull(rules.violation(MacroGene.unshared(new int[] {3}, 0)));
        // Spread evenly, 10 crossbars over 3 macros are 4, 3 and 3: none above the limit.
        assertArrayEquals(new int[] {4, 3, 3}, MacroLayout.of(MacroGene.unshared(new int[] {3}, 0), new int[] {10})
                .crossbarsOf(0));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            MacroGene gene = rules.random(random, 0.5);
            assertTrue(gene.macros(0) >= 3 && gene.macros(0) <= 10, gene.toString());
        }
    }

    @Test
    void aPairNeedsTheMacrosOfItsCrossbarsTogether() {
        // 10 + 5 crossbars at most 4 per macro: ceil(15 / 4) = 4 macros for the pair.
        PartitionRules rules = PartitionRules.specified(new int[] {10, 5}, new long[] {10, 10}, true,
                limits(4, null, null));
        assertEquals(4, rules.pairLeast(0, 1));
        assertTrue(rules.canPair(0, 1));
        assertEquals(new MacroGene(new int[] {4, 4}, new int[] {1, 0}, 0), rules.paired());
        assertEquals("layer 0 spans 3 macros, fewer than the 4 that hold its crossbars at most 4 per macro (rule d)",
                rules.violation(new MacroGene(new int[] {3, 3}, new int[] {1, 0}, 0)));
        // The earlier layer's extras first, the later one's last: 3+1, 3+1, 2+2, 2+1 crossbars per macro.
        MacroLayout layout = MacroLayout.of(new MacroGene(new int[] {4, 4}, new int[] {1, 0}, 0), new int[] {10, 5});
        for (int m = 0; m < layout.macroCount(); m++) {
            assertTrue(layout.crossbarsIn(m, 0) + layout.crossbarsIn(m, 1) <= 4, "macro " + m);
        }
        // Where rule (c) allows the pair fewer macros than its crossbars need, the layers stay apart.
        PartitionRules tight = PartitionRules.specified(new int[] {10, 5}, new long[] {3, 3}, true,
                limits(4, null, null));
        assertFalse(tight.canPair(0, 1));
        assertEquals(MacroGene.unshared(new int[] {3, 2}, 0), tight.paired());
    }

    @Test
    void ruleCAllowingFewerMacrosThanTheCrossbarsNeedLeavesNoGene() {
        PartitionRules rules = PartitionRules.specified(new int[] {10}, new long[] {2}, false,
                limits(4, null, null));
        assertFalse(rules.feasible());
        assertTrue(rules.infeasibleReason().startsWith("weight layer 0 holds 10 crossbars: at most 4 per macro"),
                rules.infeasibleReason());
    }

    @Test
    void unifiedSizesAboveTheLimitAreNotUsable() {
        PartitionRules rules = PartitionRules.unified(new int[] {10, 40}, new long[] {10, 40}, false,
                new int[] {4, 8, 16, 32}, limits(8, null, null));
        assertArrayEquals(new int[] {4, 8}, rules.usableSizes());
        assertEquals(new MacroGene(new int[] {2, 5}, new int[] {NONE, NONE}, 8), rules.trivial());
        PartitionRules none = PartitionRules.unified(new int[] {10, 40}, new long[] {10, 40}, false,
                new int[] {16, 32}, limits(8, null, null));
        assertFalse(none.feasible());
        assertTrue(none.infeasibleReason().contains("within the library's limit of 8 crossbars per macro"),
                none.infeasibleReason());
    }

    @Test
    void genesOverTheLargestMeshAreCutToItOrScoredOut() {
        // Two layers of 100 crossbars, a 2 x 3 mesh: 6 macros at most.
        PartitionRules rules = PartitionRules.specified(new int[] {100, 100}, new long[] {100, 100}, false,
                limits(null, 2, 3));
        assertEquals(6, rules.maxMacros());
        assertEquals("9 macros exceed the largest mesh of 2 rows x 3 columns (6 macros) (the library's limits)",
                rules.meshExcess(MacroGene.unshared(new int[] {4, 5}, 0)));
        assertNull(rules.meshExcess(MacroGene.unshared(new int[] {3, 3}, 0)));
        // Each layer keeps its least (1) and a share of the rest: 1 + floor((n - 1) x 4 / 98), so 1 + 116 / 98 and
        // 1 + 276 / 98.
        assertArrayEquals(new int[] {2, 3}, rules.fitMesh(new int[] {30, 70}, new int[] {NONE, NONE}));
        assertArrayEquals(new int[] {2, 2}, rules.fitMesh(new int[] {2, 2}, new int[] {NONE, NONE}));
        SplittableRandom random = new SplittableRandom(3);
        GeneMutator mutator = new GeneMutator(rules);
        MacroGene gene = rules.trivial();
        for (int i = 0; i < 300; i++) {
            MacroGene g = rules.random(random, 0);
            assertTrue(g.totalMacros() <= 6, g.toString());
            gene = mutator.child(gene, random, 0.7, 0.4);
            assertTrue(gene.totalMacros() <= 6, gene.toString());
            assertNull(rules.violation(gene));
        }
    }

    @Test
    void evenTheFewestMacrosOverTheMeshLeaveNoGene() {
        // 100 crossbars at most 10 per macro need 10 macros; a 3 x 3 mesh holds 9.
        PartitionRules rules = PartitionRules.specified(new int[] {50, 50}, new long[] {50, 50}, true,
                limits(10, 3, 3));
        assertFalse(rules.feasible());
        assertEquals("even the fewest macros any partition has, 10, exceed the largest mesh of 3 rows x 3 columns "
                + "(9 macros) (the library's limits.meshRows and meshCols)", rules.infeasibleReason());
    }

    @Test
    void theMeshKeepsWithinTheLargest() {
        assertArrayEquals(new int[] {13, 13}, MacroLayout.mesh(168, Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertArrayEquals(new int[] {12, 14}, MacroLayout.mesh(168, 12, 14));
        assertArrayEquals(new int[] {14, 12}, MacroLayout.mesh(168, 14, 12));
        assertArrayEquals(new int[] {2, 5}, MacroLayout.mesh(10, 2, 100));
        assertArrayEquals(new int[] {4, 3}, MacroLayout.mesh(10, 100, 3));
        // Within the limit the near-square mesh stays.
        assertArrayEquals(new int[] {4, 3}, MacroLayout.mesh(10, 12, 14));
        MacroLayout layout = MacroLayout.within(MacroGene.unshared(new int[] {10}, 0), new int[] {10}, 2, 100);
        assertEquals(2, layout.meshRows());
        assertEquals(5, layout.meshCols());
    }

    @Test
    void withoutLimitsTheDrawsAreThoseOfThePaper() {
        // The least count 1 takes the original draw: the same numbers from the same seed.
        SplittableRandom a = new SplittableRandom(11);
        SplittableRandom b = new SplittableRandom(11);
        for (int i = 0; i < 1000; i++) {
            int max = 1 + i % 97;
            assertEquals(PartitionRules.logUniform(a, max), PartitionRules.logUniform(b, 1, max));
        }
        int[] crossbars = {5, 3, 40, 17};
        long[] maxMacros = {8, 2, 10, 17};
        PartitionRules plain = PartitionRules.specified(crossbars, maxMacros, true);
        PartitionRules none = PartitionRules.specified(crossbars, maxMacros, true, PhysicalLimits.NONE);
        SplittableRandom r1 = new SplittableRandom(5);
        SplittableRandom r2 = new SplittableRandom(5);
        MacroGene g1 = plain.trivial();
        MacroGene g2 = none.trivial();
        for (int i = 0; i < 200; i++) {
            assertEquals(plain.random(r1, 0.3), none.random(r2, 0.3));
            g1 = new GeneMutator(plain).child(g1, r1, 0.7, 0.4);
            g2 = new GeneMutator(none).child(g2, r2, 0.7, 0.4);
            assertEquals(g1, g2);
        }
    }

    @Test
    void logUniformFromALeastCountStaysWithinIt() {
        SplittableRandom random = new SplittableRandom(1);
        int[] seen = new int[11];
        for (int i = 0; i < 2000; i++) {
            int v = PartitionRules.logUniform(random, 3, 10);
            assertTrue(v >= 3 && v <= 10, "" + v);
            seen[v]++;
        }
        for (int v = 3; v <= 10; v++) {
            assertTrue(seen[v] > 0, "never drew " + v);
        }
        assertEquals(5, PartitionRules.logUniform(random, 5, 5));
    }
}
