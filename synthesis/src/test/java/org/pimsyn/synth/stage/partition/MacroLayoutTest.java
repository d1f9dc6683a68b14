package org.pimsyn.synth.stage.partition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.dataflow.DataflowSpec;
import org.pimsyn.synth.stage.dataflow.Placement;

class MacroLayoutTest {
    private static final int NONE = MacroGene.NO_PARTNER;

    /**
     * 1x1x4x4 input; conv a: 2 channels 3x3 pad 1 (9 rows, 16 positions); conv b: 4 channels 3x3 stride 2 pad 1
     * (18 rows, 4 positions); fc 16 -> 2. 8x8 crossbars, 2-bit cells, 4-bit weights (2 slices): sets of 2 x 1 x 2
     * = 4, 3 x 1 x 2 = 6 and 2 x 1 x 2 = 4 crossbars. Duplications 3, 2, 1: 12, 12 and 4 crossbars; rule (c)
     * limits 3 x 2 = 6, 2 x 3 = 6 and 2 macros.
     */
    static DataflowSkeleton threeLayers() {
        NetworkBuilder b = new NetworkBuilder("three");
        int x = b.input("x", new Shape(1, 1, 4, 4));
        x = b.conv("a", x, 2, 3, 1, 1);
        x = b.conv("b", x, 4, 3, 2, 1);
        b.fc("fc", b.flatten("flat", x), 2);
        Network network = b.build();
        return DataflowSkeleton.of(new DataflowSpec(network, new int[] {3, 2, 1}, 1, 8, 2, 4, 4));
    }

    @Test
    void theThreeLayerNetworkHasTheCrossbarsAndLimitsWorkedOut() {
        PartitionRules rules = PartitionRules.of(threeLayers(), false, true, new int[0]);
        assertArrayEquals(new int[] {12, 12, 4}, rules.crossbars());
        assertEquals(6, rules.limit(0));
        assertEquals(6, rules.limit(1));
        assertEquals(2, rules.limit(2));
    }

    @Test
    void specifiedMacrosAreNumberedByLayerAndSnakeThroughTheMesh() {
        // a over 5 macros (12 = 3 + 3 + 2 + 2 + 2), b over 2, fc over 1: 8 macros on a 3 x 3 mesh.
        MacroLayout layout = MacroLayout.of(MacroGene.unshared(new int[] {5, 2, 1}, 0), new int[] {12, 12, 4});
        assertEquals(8, layout.macroCount());
        assertEquals(3, layout.meshRows());
        assertEquals(3, layout.meshCols());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, layout.macrosOf(0));
        assertArrayEquals(new int[] {3, 3, 2, 2, 2}, layout.crossbarsOf(0));
        assertArrayEquals(new int[] {5, 6}, layout.macrosOf(1));
        assertArrayEquals(new int[] {6, 6}, layout.crossbarsOf(1));
        assertArrayEquals(new int[] {7}, layout.macrosOf(2));
        assertArrayEquals(new int[] {4}, layout.crossbarsOf(2));
        assertPositions(layout, new int[][] {{0, 0}, {0, 1}, {0, 2}, {1, 2}, {1, 1}, {1, 0}, {2, 0}, {2, 1}});
        assertEquals(2 * (3 * 2 + 3 * 2), layout.meshLinks());
        compiles(layout);
    }

    @Test
    void aSharingPairListsTheSameMacrosWithTheLaterLayersExtrasLast() {
        // b shares a's 5 macros: a holds 3, 3, 2, 2, 2 and b 2, 2, 2, 3, 3 of them; fc on macro 5; a 3 x 2 mesh.
        MacroLayout layout = MacroLayout.of(new MacroGene(new int[] {5, 5, 1}, new int[] {1, 0, NONE}, 0),
                new int[] {12, 12, 4});
        assertEquals(6, layout.macroCount());
        assertEquals(3, layout.meshRows());
        assertEquals(2, layout.meshCols());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, layout.macrosOf(0));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, layout.macrosOf(1));
        assertArrayEquals(new int[] {3, 3, 2, 2, 2}, layout.crossbarsOf(0));
        assertArrayEquals(new int[] {2, 2, 2, 3, 3}, layout.crossbarsOf(1));
        assertEquals(layout.home(0), layout.home(1));
        assertArrayEquals(new int[] {5}, layout.macrosOf(2));
        assertEquals(List.of(0, 1), layout.layersOf(3));
        assertEquals(List.of(2), layout.layersOf(5));
        assertEquals(3, layout.crossbarsIn(3, 1));
        assertEquals(0, layout.crossbarsIn(5, 0));
        assertPositions(layout, new int[][] {{0, 0}, {0, 1}, {1, 1}, {1, 0}, {2, 0}, {2, 1}});
        compiles(layout);
    }

    @Test
    void unifiedMacrosFollowFromTheSize() {
        DataflowSkeleton skeleton = threeLayers();
        PartitionRules rules = PartitionRules.of(skeleton, true, true, new int[] {5, 8});
        // At 5 crossbars per macro: a and b span ceil(12 / 5) = 3 macros each, fc one; 7 macros on a 3 x 3 mesh.
        MacroGene alone = rules.unifiedGene(5, new int[] {NONE, NONE, NONE});
        assertArrayEquals(new int[] {3, 3, 1}, alone.macros());
        MacroLayout layout = MacroLayout.of(alone, rules.crossbars());
        assertEquals(7, layout.macroCount());
        assertArrayEquals(new int[] {0, 1, 2}, layout.macrosOf(0));
        assertArrayEquals(new int[] {4, 4, 4}, layout.crossbarsOf(0));
        assertArrayEquals(new int[] {3, 4, 5}, layout.macrosOf(1));
        assertArrayEquals(new int[] {6}, layout.macrosOf(2));
        assertPositions(layout, new int[][] {{0, 0}, {0, 1}, {0, 2}, {1, 2}, {1, 1}, {1, 0}, {2, 0}});
        compiles(layout);
        // Paired, a and b pool into ceil(24 / 5) = 5 macros, none holding more than 5 crossbars.
        MacroGene paired = rules.unifiedGene(5, new int[] {1, 0, NONE});
        assertArrayEquals(new int[] {5, 5, 1}, paired.macros());
        MacroLayout pooled = MacroLayout.of(paired, rules.crossbars());
        assertArrayEquals(new int[] {3, 3, 2, 2, 2}, pooled.crossbarsOf(0));
        assertArrayEquals(new int[] {2, 2, 2, 3, 3}, pooled.crossbarsOf(1));
        for (int m = 0; m < 5; m++) {
            assertTrue(pooled.crossbarsIn(m, 0) + pooled.crossbarsIn(m, 1) <= 5);
        }
        compiles(pooled);
    }

    @Test
    void layoutsOfGeneratedGenesHoldEveryCrossbarOnNeighbouringMacros() {
        SplittableRandom r = new SplittableRandom(17);
        for (int c = 0; c < 300; c++) {
            RandomRules.Case rc = RandomRules.generate(r);
            for (int i = 0; i < 5; i++) {
                MacroGene gene = rc.rules().random(r, 0.5);
                MacroLayout layout = MacroLayout.of(gene, rc.crossbars());
                assertEquals(gene.totalMacros(), layout.macroCount());
                assertTrue(layout.meshRows() * layout.meshCols() >= layout.macroCount());
                assertTrue(layout.meshRows() - layout.meshCols() <= 1 && layout.meshCols() <= layout.meshRows());
                Set<Integer> positions = new HashSet<>();
                for (int m = 0; m < layout.macroCount(); m++) {
                    assertTrue(positions.add(layout.row(m) * layout.meshCols() + layout.col(m)));
                    if (m > 0) {
                        assertEquals(1, Math.abs(layout.row(m) - layout.row(m - 1))
                                + Math.abs(layout.col(m) - layout.col(m - 1)), "ids " + (m - 1) + ", " + m);
                    }
                    int held = 0;
                    for (int k : layout.layersOf(m)) {
                        assertTrue(layout.crossbarsIn(m, k) >= 1);
                        held += layout.crossbarsIn(m, k);
                    }
                    if (gene.macroSizeCrossbars() > 0) {
                        assertTrue(held <= gene.macroSizeCrossbars(), "macro " + m + " of " + gene);
                    }
                }
                for (int k = 0; k < gene.layers(); k++) {
                    int[] split = layout.crossbarsOf(k);
                    assertEquals(rc.crossbars()[k], java.util.Arrays.stream(split).sum());
                    int min = java.util.Arrays.stream(split).min().getAsInt();
                    int max = java.util.Arrays.stream(split).max().getAsInt();
                    assertTrue(min >= 1 && max - min <= 1, "even spread of layer " + k + " of " + gene);
                }
            }
        }
    }

    private static void assertPositions(MacroLayout layout, int[][] rowCol) {
        for (int m = 0; m < rowCol.length; m++) {
            assertEquals(rowCol[m][0], layout.row(m), "row of macro " + m);
            assertEquals(rowCol[m][1], layout.col(m), "col of macro " + m);
        }
    }

    private static void compiles(MacroLayout layout) {
        Placement placement = layout.placement();
        assertEquals(layout.macroCount(), placement.macroCount());
        assertTrue(threeLayers().compile(placement).program().size() > 0);
    }
}
