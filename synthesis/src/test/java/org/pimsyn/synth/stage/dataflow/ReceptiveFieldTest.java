package org.pimsyn.synth.stage.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Padding;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.Window;

class ReceptiveFieldTest {
    private static final int NOTHING = ReceptiveField.NOTHING;

    @Test
    void paddedStridedWindowMapsToItsLastTapClampedToTheInput() {
        NetworkBuilder b = new NetworkBuilder("t");
        int in = b.input("in", new Shape(1, 1, 8, 6));
        b.conv("c", in, 1, new Window(3, 3, 2, 2, new Padding(1, 2, 1, 2), 1, 1), 1);
        Network net = b.build();
        Layer conv = net.layer("c");
        Shape input = net.layer("in").outputShape();
        // Rows: output row r reads input rows 2r-1 .. 2r+1.
        assertEquals(1, ReceptiveField.lastRow(conv, input, 0));
        assertEquals(5, ReceptiveField.lastRow(conv, input, 2));
        assertEquals(7, ReceptiveField.lastRow(conv, input, 3));
        // Columns: output column c reads input columns 2c-2 .. 2c; the last window ends in the right padding.
        assertEquals(0, ReceptiveField.lastCol(conv, input, 0));
        assertEquals(4, ReceptiveField.lastCol(conv, input, 2));
        assertEquals(5, ReceptiveField.lastCol(conv, input, 3));
        assertEquals(NOTHING, ReceptiveField.lastRow(conv, input, NOTHING));
    }

    @Test
    void windowsInsideTheLeadingPaddingNeedNothingAndThoseInTheTrailingPaddingAddNothing() {
        NetworkBuilder b = new NetworkBuilder("t");
        int in = b.input("in", new Shape(1, 1, 3, 3));
        int pad = b.pad("pad", in, new Padding(2, 1, 3, 0));
        Network net = b.build();
        Layer layer = net.layer(pad);
        Shape input = net.layer("in").outputShape();
        // Pad rows 0-1 are top padding; rows 2-4 are input rows 0-2; rows 5-7 bottom padding.
        assertEquals(NOTHING, ReceptiveField.lastRow(layer, input, 1));
        assertEquals(0, ReceptiveField.lastRow(layer, input, 2));
        assertEquals(2, ReceptiveField.lastRow(layer, input, 4));
        assertEquals(2, ReceptiveField.lastRow(layer, input, 7));
        assertEquals(NOTHING, ReceptiveField.lastCol(layer, input, 0));
        assertEquals(1, ReceptiveField.lastCol(layer, input, 2));
    }

    @Test
    void dilationWidensTheWindowAndCeilModePoolingStaysInTheInput() {
        NetworkBuilder b = new NetworkBuilder("t");
        int in = b.input("in", new Shape(1, 1, 10, 10));
        b.conv("dilated", in, 1, new Window(3, 3, 1, 1, Padding.NONE, 2, 2), 1);
        // 3x3 stride 2 with ceil mode over 10 rows: 4 full windows and a partial one over rows 8-10.
        b.pool("pool", in, LayerFunction.MAX, new Window(3, 3, 2, 2, Padding.NONE, 1, 1), true);
        Network net = b.build();
        Shape input = net.layer("in").outputShape();
        assertEquals(4, ReceptiveField.lastRow(net.layer("dilated"), input, 0));
        assertEquals(5, net.layer("pool").outputShape().h());
        assertEquals(6, ReceptiveField.lastRow(net.layer("pool"), input, 2));
        assertEquals(9, ReceptiveField.lastRow(net.layer("pool"), input, 4));
    }

    @Test
    void broadcastDimensionMapsOntoItsOnlyRowAndFcReadsEverything() {
        NetworkBuilder b = new NetworkBuilder("t");
        int in = b.input("in", new Shape(1, 2, 4, 4));
        int row = b.globalPool("gp", in, LayerFunction.AVERAGE);
        int sum = b.eltwise("sum", LayerFunction.MUL, in, row);
        b.fc("fc", b.flatten("flat", sum), 3);
        Network net = b.build();
        Shape pooled = net.layer("gp").outputShape();
        assertEquals(0, ReceptiveField.lastRow(net.layer(sum), pooled, 3));
        assertEquals(2, ReceptiveField.lastRow(net.layer(sum), net.layer("in").outputShape(), 2));
        assertEquals(3, ReceptiveField.lastRow(net.layer("flat"), net.layer(sum).outputShape(), 0));
        assertEquals(3, ReceptiveField.lastCol(net.layer("gp"), net.layer("in").outputShape(), 0));
    }
}
