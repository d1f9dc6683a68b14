package org.pimsyn.synth.stage.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

/** Random partitioning rules for invariants, and an independent check of a gene against them. */
final class RandomRules {
    static final int[] SIZES = {4, 8, 12, 16, 32, 64};

    private RandomRules() {
    }

    /** 1-8 layers of 1-200 crossbars with limits of 1-100 macros, sharing on or off, either macro mode. */
    static Case generate(SplittableRandom r) {
        while (true) {
            int layers = 1 + r.nextInt(8);
            int[] crossbars = new int[layers];
            long[] maxMacros = new long[layers];
            for (int k = 0; k < layers; k++) {
                crossbars[k] = 1 + r.nextInt(r.nextBoolean() ? 8 : 200);
                maxMacros[k] = 1 + r.nextInt(r.nextBoolean() ? 4 : 100);
            }
            boolean sharing = r.nextBoolean();
            PartitionRules rules = r.nextBoolean() ? PartitionRules.specified(crossbars, maxMacros, sharing)
                    : PartitionRules.unified(crossbars, maxMacros, sharing, SIZES);
            if (rules.feasible()) {
                return new Case(rules, crossbars, maxMacros);
            }
        }
    }

    record Case(PartitionRules rules, int[] crossbars, long[] maxMacros) {
        /** Rules (a)-(c), sharing and the unified counts, checked from the raw figures. */
        void assertObeys(MacroGene gene) {
            assertEquals(crossbars.length, gene.layers());
            for (int k = 0; k < gene.layers(); k++) {
                int p = gene.partner(k);
                int n = gene.macros(k);
                assertTrue(n >= 1, "rule (a): " + gene);
                assertTrue(n <= crossbars[k] && n <= maxMacros[k], "rule (c) for layer " + k + ": " + gene);
                if (p != MacroGene.NO_PARTNER) {
                    assertTrue(rules.sharing(), "sharing while off: " + gene);
                    assertEquals(k, gene.partner(p), "pairs are mutual and disjoint: " + gene);
                    assertEquals(n, gene.macros(p), "a pair spans one set of macros: " + gene);
                }
                if (rules.unified()) {
                    int s = gene.macroSizeCrossbars();
                    assertTrue(java.util.Arrays.stream(SIZES).anyMatch(x -> x == s), "size " + s);
                    long held = p == MacroGene.NO_PARTNER ? crossbars[k] : (long) crossbars[k] + crossbars[p];
                    assertEquals((held + s - 1) / s, n, "unified count of layer " + k + ": " + gene);
                } else {
                    assertEquals(0, gene.macroSizeCrossbars());
                }
            }
            assertEquals(null, rules.violation(gene));
        }
    }
}
