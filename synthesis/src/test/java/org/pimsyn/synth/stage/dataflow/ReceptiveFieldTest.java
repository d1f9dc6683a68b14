package org.pimsyn.synth.stage.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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

    /** The input row ONNX's Resize reads last for output row r: coordinate rule, then nearest rounding or linear. */
    private static int onnxLastInputRow(String rule, String nearest, int r, double scale, int in, int out) {
        double x = switch (rule) {
            case "half_pixel" -> (r + 0.5) / scale - 0.5;
            case "half_pixel_symmetric" -> {
                double adjustment = out / (scale * in);
                yield in / 2.0 * (1 - adjustment) + (r + 0.5) / scale - 0.5;
            }
            case "pytorch_half_pixel" -> out > 1 ? (r + 0.5) / scale - 0.5 : 0;
            case "align_corners" -> out == 1 ? 0 : r * (in - 1.0) / (out - 1);
            case "asymmetric" -> r / scale;
            case "tf_half_pixel_for_nearest" -> (r + 0.5) / scale;
            default -> throw new IllegalArgumentException(rule);
        };
        double picked = switch (nearest) {
            case "round_prefer_floor" -> x == Math.floor(x) + 0.5 ? Math.floor(x) : Math.round(x);
            case "round_prefer_ceil" -> Math.round(x);
            case "floor" -> Math.floor(x);
            case "ceil" -> Math.ceil(x);
            default -> Math.floor(x) + 1; // linear: the later of the two neighbours
        };
        return (int) Math.max(0, Math.min(in - 1, picked));
    }

    @Test
    void resizeNeedsNoInputRowLaterThanAnyOnnxCoordinateRuleReads() {
        List<String> rules = List.of("half_pixel", "half_pixel_symmetric", "pytorch_half_pixel", "align_corners",
                "asymmetric", "tf_half_pixel_for_nearest");
        List<String> modes = List.of("round_prefer_floor", "round_prefer_ceil", "floor", "ceil", "linear");
        for (int in = 1; in <= 12; in++) {
            // Scales as given (the output floor(in x scale)) and as sizes give them (out / in).
            List<double[]> resizes = new ArrayList<>();
            for (double scale = 0.25; scale <= 4; scale += 0.25) {
                resizes.add(new double[] {scale, Math.floor(in * scale)});
            }
            for (int out = 1; out <= 24; out++) {
                resizes.add(new double[] {(double) out / in, out});
            }
            for (double[] resize : resizes) {
                int out = (int) resize[1];
                if (out < 1) {
                    continue;
                }
                NetworkBuilder b = new NetworkBuilder("t");
                b.resize("r", b.input("in", new Shape(1, 1, in, 1)), LayerFunction.LINEAR, out, 1);
                Network net = b.build();
                Layer layer = net.layer("r");
                for (String rule : rules) {
                    for (String mode : modes) {
                        int need = 0;
                        for (int r = 0; r < out; r++) {
                            need = Math.max(need, onnxLastInputRow(rule, mode, r, resize[0], in, out));
                            int last = ReceptiveField.lastRow(layer, net.layer("in").outputShape(), r);
                            String what = rule + " " + mode + " " + in + " -> " + out + " row " + r;
                            assertTrue(need <= last && last <= in - 1, what + ": needs " + need + ", bound " + last);
                        }
                    }
                }
            }
        }
    }

    @Test
    void overlapAddNeedsTheInputRowsThatReachItsOutputRows() {
        // ConvTranspose 3x3 stride 2 pads 1 from 5 rows to 10 (output_padding 1): input row i adds onto output
        // rows 2i - 1 .. 2i + 1, so output rows 0..r need input rows up to (r + 1) / 2.
        Shape input = new Shape(1, 9, 5, 5);
        NetworkBuilder b = new NetworkBuilder("t");
        Layer layer = b.layer(b.col2im("y", b.input("in", input), new Window(3, 3, 2, 2, Padding.of(1), 1, 1), 10, 10));
        assertEquals(0, ReceptiveField.lastRow(layer, input, 0));
        assertEquals(1, ReceptiveField.lastRow(layer, input, 1));
        assertEquals(1, ReceptiveField.lastRow(layer, input, 2));
        assertEquals(4, ReceptiveField.lastRow(layer, input, 8));
        // Row 9 is output padding past the last input row's reach.
        assertEquals(4, ReceptiveField.lastCol(layer, input, 9));
    }
}
