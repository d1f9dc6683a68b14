package org.pimsyn.synth.stage.duplication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Shape;

class DuplicationProblemTest {
    /** 8-row crossbars, 1-bit cells, 2-bit weights: sets a = 2x1x2 = 4, b = 3x1x2 = 6, fc = 2x1x2 = 4. */
    private static DuplicationProblem tiny(long budget) {
        return DuplicationProblem.of(TinyNetworks.threeLayers(), 8, 1, 2, budget);
    }

    @Test
    void describesEachWeightLayer() {
        DuplicationProblem p = tiny(100);
        assertEquals(3, p.layers());
        assertArrayEquals(new int[] {4, 6, 4}, new int[] {p.setSize(0), p.setSize(1), p.setSize(2)});
        assertArrayEquals(new int[] {16, 4, 1}, new int[] {p.outputPositions(0), p.outputPositions(1),
            p.outputPositions(2)});
        assertArrayEquals(new long[] {9 + 2, 18 + 4, 16 + 2}, new long[] {p.accessPerCopy(0), p.accessPerCopy(1),
            p.accessPerCopy(2)});
        assertEquals(16, p.maxDuplication(0));
        assertEquals(4, p.maxDuplication(1));
        assertEquals(1, p.maxDuplication(2));
        assertTrue(p.fixed(2));
        assertFalse(p.fixed(0));
        assertEquals(14, p.crossbarsAtDuplicationOne());
        assertEquals("b", p.layerName(1));
        assertEquals(TinyNetworks.threeLayers().layer("b").id(), p.layerId(1));
    }

    @Test
    void energyOfThreeLayersWorkedByHand() {
        DuplicationProblem p = tiny(100);
        int[] dup = {4, 2, 1};
        // Steps 16/4, 4/2, 1/1 = 4, 2, 1: mean 7/3, deviations 5/3, -1/3, -4/3, population variance 42/27,
        // stdev sqrt(14)/3. Access 4x11, 2x22, 1x18 = 44, 44, 18: mean 106/3, deviations 26/3, 26/3, -52/3,
        // variance 4056/27, stdev 26 sqrt(2)/3.
        double steps = Math.sqrt(14) / 3;
        double access = 26 * Math.sqrt(2) / 3;
        assertEquals(steps, p.energy(dup, 0), 1e-12);
        assertEquals(steps + 0.1 * access, p.energy(dup, 0.1), 1e-12);
        assertEquals(4 * 4 + 2 * 6 + 4, p.crossbarsUsed(dup));
    }

    @Test
    void energyIsZeroWhenEveryLayerIsBalanced() {
        NetworkBuilder b = new NetworkBuilder("twins");
        int x = b.input("x", new Shape(1, 4, 4, 4));
        x = b.conv("c1", x, 4, 1, 1, 0);
        b.conv("c2", x, 4, 1, 1, 0);
        DuplicationProblem p = DuplicationProblem.of(b.build(), 8, 1, 1, 100);
        // Same positions and access per copy, same duplication: both stdevs vanish.
        assertEquals(0.0, p.energy(new int[] {3, 3}, 0.1));
        assertEquals(Math.abs(16.0 / 2 - 16.0 / 4) / 2 + 0.1 * (8 * 4 - 8 * 2) / 2.0, p.energy(new int[] {2, 4}, 0.1),
                1e-12);
    }

    @Test
    void admitsOnlyStatesWithinRangesAndBudget() {
        DuplicationProblem p = tiny(32);
        assertTrue(p.admits(new int[] {4, 2, 1}));      // exactly 32
        assertFalse(p.admits(new int[] {5, 2, 1}));     // 36
        assertFalse(p.admits(new int[] {1, 1, 2}));     // FC stays at 1
        assertFalse(p.admits(new int[] {0, 1, 1}));
        assertFalse(DuplicationProblem.of(TinyNetworks.threeLayers(), 8, 1, 2, 1000).admits(new int[] {17, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> p.energy(new int[] {1, 1}, 0.1));
    }

    @Test
    void proportionalStartScalesIntoTheBudgetThenTopsUp() {
        // Budget 32, FC reserved (4): a and b share 28. Scale s < 0.375 gives a = floor(16 s) = 5, b = 1
        // (26 crossbars); a = 6 would need 30. Two spare crossbars buy no copy of 4 or 6.
        assertArrayEquals(new int[] {5, 1, 1}, tiny(32).proportionalStart());
        // Budget 44: s just below 0.5 gives a = 7, b = 1 (34 of 40); the 6 spare crossbars go to b, whose
        // 4 steps exceed a's 16/7: b = 2, and the budget is met exactly.
        assertArrayEquals(new int[] {7, 2, 1}, tiny(44).proportionalStart());
        assertEquals(44, tiny(44).crossbarsUsed(tiny(44).proportionalStart()));
        // A large budget gives every layer its output positions.
        assertArrayEquals(new int[] {16, 4, 1}, tiny(10_000).proportionalStart());
        assertThrows(IllegalStateException.class, () -> tiny(13).proportionalStart());
    }

    @Test
    void aNetworkWithoutWeightsHasNoProblem() {
        NetworkBuilder b = new NetworkBuilder("none");
        b.relu("r", b.input("x", new Shape(1, 1, 2, 2)));
        assertThrows(IllegalArgumentException.class, () -> DuplicationProblem.of(b.build(), 8, 1, 2, 10));
    }
}
