package org.pimsyn.synth.stage.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.hardware.Precision;
import org.pimsyn.synth.hardware.Provenance;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Shape;

class DataflowValidationTest {
    private static Network convThenFc() {
        NetworkBuilder b = new NetworkBuilder("net");
        int x = b.input("in", new Shape(1, 2, 4, 4));
        x = b.conv("conv", x, 4, 3, 1, 1);
        b.fc("fc", b.flatten("flat", x), 3);
        return b.build();
    }

    private static String message(Runnable action) {
        return assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }

    @Test
    void networkWithTwoInputsIsRejectedNamingThem() {
        NetworkBuilder b = new NetworkBuilder("two");
        int x = b.input("left", new Shape(1, 2, 4, 4));
        int y = b.input("right", new Shape(1, 2, 4, 4));
        b.conv("conv", b.eltwise("sum", LayerFunction.ADD, x, y), 2, 1, 1, 0);
        DataflowSpec spec = new DataflowSpec(b.build(), new int[] {1}, 1, 128, 2, 8, 8);
        assertEquals("network 'two' must have exactly one input layer, has 2: 'left', 'right'",
                message(() -> DataflowSkeleton.of(spec)));
    }

    @Test
    void networkWithoutWeightLayersIsRejected() {
        NetworkBuilder b = new NetworkBuilder("pool-only");
        b.maxPool("pool", b.input("in", new Shape(1, 2, 4, 4)), 2, 2, 0);
        DataflowSpec spec = new DataflowSpec(b.build(), new int[0], 1, 128, 2, 8, 8);
        assertEquals("network 'pool-only' has no weight layer (CONV or FC) to map onto crossbars",
                message(() -> DataflowSkeleton.of(spec)));
    }

    @Test
    void duplicationBeyondTheOutputPositionsNamesTheLayer() {
        assertEquals("layer 'conv' (weight layer 0): duplication must be in 1..16 (its output positions), got 17",
                message(() -> new DataflowSpec(convThenFc(), new int[] {17, 1}, 1, 128, 2, 8, 8)));
        assertEquals("layer 'fc' (weight layer 1): duplication must be in 1..1 (its output positions), got 2",
                message(() -> new DataflowSpec(convThenFc(), new int[] {1, 2}, 1, 128, 2, 8, 8)));
        assertEquals("network 'net' has 2 weight layers but 1 duplications were given",
                message(() -> new DataflowSpec(convThenFc(), new int[] {1}, 1, 128, 2, 8, 8)));
        assertEquals("resDacBits must be >= 1, got 0",
                message(() -> new DataflowSpec(convThenFc(), new int[] {1, 1}, 0, 128, 2, 8, 8)));
    }

    @Test
    void placementHoldingTheWrongNumberOfCrossbarsNamesTheLayer() {
        DataflowSkeleton skeleton = DataflowSkeleton.of(new DataflowSpec(convThenFc(), new int[] {2, 1}, 1, 128, 2, 8,
                8));
        // conv: 18 rows, 4 columns, 4 slices: 4 crossbars a copy, 8 for two.
        assertEquals(8, skeleton.crossbarsOf(0));
        Placement wrong = Placement.oneMacroPerLayer(7, skeleton.crossbarsOf(1));
        assertEquals("placement of layer 'conv' (weight layer 0) holds 7 crossbars; it needs WtDup 2 x set 4 = 8",
                message(() -> skeleton.compile(wrong)));
        assertEquals("placement has 1 layers but network 'net' has 2 weight layers",
                message(() -> skeleton.compile(Placement.oneMacroPerLayer(8))));
    }

    @Test
    void layerPlacementChecksItsMacros() {
        assertEquals("macro 4 is listed twice",
                message(() -> new LayerPlacement(new int[] {4, 2, 4}, new int[] {1, 1, 1})));
        assertEquals("macro 2 must hold at least one crossbar, got 0",
                message(() -> new LayerPlacement(new int[] {2}, new int[] {0})));
        assertEquals("macro ids must be >= 0, got -1", message(() -> LayerPlacement.single(-1, 3)));
        assertEquals("2 macros but 1 crossbar counts",
                message(() -> new LayerPlacement(new int[] {0, 1}, new int[] {3})));
        assertEquals("a layer needs at least one macro", message(() -> new LayerPlacement(new int[0], new int[0])));
        assertEquals("placement of weight layer 1 is missing",
                message(() -> new Placement(java.util.Arrays.asList(LayerPlacement.single(0, 1), null))));
    }

    @Test
    void specsOfEqualInputsAreEqualWhateverArraysTheyCameFrom() {
        Network net = convThenFc();
        int[] wtDup = {2, 1};
        DataflowSpec explicit = new DataflowSpec(net, wtDup, 1, 128, 2, 8, 16);
        DataflowSpec fromPrecision = DataflowSpec.of(net, new int[] {2, 1}, 1, 128, 2,
                new Precision(8, 16, Provenance.of("test")));
        wtDup[0] = 5;
        assertEquals(explicit, fromPrecision);
        assertEquals(explicit.hashCode(), fromPrecision.hashCode());
        assertEquals(2, explicit.wtDup(0));
        assertEquals(16, explicit.bitIterations());
        assertNotEquals(explicit, new DataflowSpec(net, new int[] {2, 1}, 2, 128, 2, 8, 16));
    }

    @Test
    void placementKeepsItsOwnCopies() {
        int[] macros = {3, 1};
        int[] crossbars = {2, 5};
        LayerPlacement layer = new LayerPlacement(macros, crossbars);
        macros[0] = 9;
        crossbars[0] = 9;
        assertEquals(3, layer.home());
        assertEquals(7, layer.totalCrossbars());
        assertEquals(4, new Placement(List.of(layer)).macroCount());
    }
}
