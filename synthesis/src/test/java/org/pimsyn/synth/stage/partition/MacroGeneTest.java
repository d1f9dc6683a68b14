package org.pimsyn.synth.stage.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MacroGeneTest {
    private static final int NONE = MacroGene.NO_PARTNER;

    @Test
    void aPairIsCountedOnceAndEncodedAsThePaperDoes() {
        // Layer 3 shares layer 1's two macros: 4 + 2 + 1 macros; MacAlloc^3 = 1 x 1000 + 2.
        MacroGene gene = new MacroGene(new int[] {4, 2, 1, 2}, new int[] {NONE, 3, NONE, 1}, 0);
        assertEquals(7, gene.totalMacros());
        assertEquals(1, gene.pairs());
        assertTrue(gene.ownsMacros(1));
        assertFalse(gene.ownsMacros(3));
        assertArrayEquals(new long[] {4, 1002, 2001, 1002}, gene.encoded());
        assertEquals("[4, 2, 1, 2=1]", gene.toString());
        assertEquals("[3, 1] x 64 crossbars", MacroGene.unshared(new int[] {3, 1}, 64).toString());
    }

    @Test
    void equalGenesAreEqualValuesAndCopiesAreIndependent() {
        int[] macros = {2, 1};
        MacroGene a = MacroGene.unshared(macros, 0);
        macros[0] = 9;
        MacroGene b = MacroGene.unshared(new int[] {2, 1}, 0);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, MacroGene.unshared(new int[] {2, 1}, 32));
        assertNotEquals(a, new MacroGene(new int[] {1, 1}, new int[] {1, 0}, 0));
        a.macros()[1] = 5;
        assertEquals(1, a.macros(1));
    }

    @Test
    void partnersMustNameEachOtherAndSpanTheSameMacros() {
        assertThrows(IllegalArgumentException.class, () -> new MacroGene(new int[] {1, 1, 1},
                new int[] {1, 2, NONE}, 0));
        assertThrows(IllegalArgumentException.class, () -> new MacroGene(new int[] {1, 1}, new int[] {0, NONE}, 0));
        assertThrows(IllegalArgumentException.class, () -> new MacroGene(new int[] {2, 1}, new int[] {1, 0}, 0));
        assertThrows(IllegalArgumentException.class, () -> MacroGene.unshared(new int[] {0}, 0));
        assertThrows(IllegalArgumentException.class, () -> MacroGene.unshared(new int[0], 0));
    }
}
