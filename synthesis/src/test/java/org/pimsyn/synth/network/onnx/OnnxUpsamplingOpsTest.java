package org.pimsyn.synth.network.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pimsyn.synth.network.onnx.TinyOnnx.floatList;
import static org.pimsyn.synth.network.onnx.TinyOnnx.integer;
import static org.pimsyn.synth.network.onnx.TinyOnnx.ints;
import static org.pimsyn.synth.network.onnx.TinyOnnx.op;
import static org.pimsyn.synth.network.onnx.TinyOnnx.string;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.mapping.CrossbarSet;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.LayerOp;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Padding;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.json.NetworkJsonReader;
import org.pimsyn.synth.network.json.NetworkJsonWriter;

/**
 * The decoders' up-sampling: Resize, Upsample and ConvTranspose. Every expected output extent is what ONNX's own
 * shape inference (onnx 1.23.1, onnx.shape_inference.infer_shapes) gives for the same node.
 */
class OnnxUpsamplingOpsTest {
    @TempDir
    Path dir;

    private static List<String> ops(Network network) {
        return network.layers().stream().map(Layer::opLabel).toList();
    }

    private String failure(TinyOnnx model) {
        InputException e = assertThrows(InputException.class, () -> model.read(dir));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void resizeByScalesIsAResizeLayerWithoutMacs() {
        // Opset 13 (X, roi '', scales): linear of 1x2x7x5 by 1.7 and 0.6 gives floor(11.9) = 11, floor(3.0) = 3.
        Network n = new TinyOnnx().input("x", 1, 2, 7, 5).floats("s", 1, 1, 1.7f, 0.6f)
                .node(op("Resize", "y", "x", "", "s").addAttribute(string("mode", "linear"))).output("y").read(dir);

        assertEquals(List.of("input", "resize linear"), ops(n));
        assertEquals(new Shape(1, 2, 11, 3), n.layer("y").outputShape());
        assertEquals(0, n.totalMacs());
        assertEquals(n, NetworkJsonReader.parse(NetworkJsonWriter.toJson(n), "resize.json", n.name()));
    }

    @Test
    void resizeOfOpset10TakesScalesAsItsSecondInput() {
        Network n = new TinyOnnx().opset(10).input("x", 1, 2, 3, 4).floats("s", 1, 1, 2, 3)
                .node(op("Resize", "y", "x", "s")).output("y").read(dir);
        assertEquals(LayerFunction.NEAREST, n.layer("y").function());
        assertEquals(new Shape(1, 2, 6, 12), n.layer("y").outputShape());
    }

    @Test
    void resizeBySizesKeepsTheAspectRatioWhenAsked() {
        // Opset 18, sizes [10, 20] for axes H and W of 1x2x4x6: stretch gives 10x20; not_larger scales both by
        // min(2.5, 3.33) to 10x15; not_smaller by 3.33 to 13x20.
        for (String[] c : new String[][] {{"stretch", "10", "20"}, {"not_larger", "10", "15"},
                {"not_smaller", "13", "20"}}) {
            Network n = new TinyOnnx().opset(18).input("x", 1, 2, 4, 6).int64("sizes", 10, 20)
                    .node(op("Resize", "y", "x", "", "", "sizes").addAttribute(ints("axes", 2, 3))
                            .addAttribute(string("keep_aspect_ratio_policy", c[0]))).output("y").read(dir);
            assertEquals(new Shape(1, 2, Integer.parseInt(c[1]), Integer.parseInt(c[2])), n.layer("y").outputShape(),
                    c[0]);
        }
    }

    @Test
    void upsampleTakesScalesAsAttributeInOpset7AndAsInputInOpset9() {
        Network seven = new TinyOnnx().opset(7).input("x", 1, 2, 3, 4)
                .node(op("Upsample", "y", "x").addAttribute(floatList("scales", 1, 1, 2, 1.5f))).output("y").read(dir);
        assertEquals(new Shape(1, 2, 6, 6), seven.layer("y").outputShape());
        Network nine = new TinyOnnx().opset(9).input("x", 1, 2, 3, 4).floats("s", 1, 1, 2, 2)
                .node(op("Upsample", "y", "x", "s").addAttribute(string("mode", "linear"))).output("y").read(dir);
        assertEquals(new Shape(1, 2, 6, 8), nine.layer("y").outputShape());
        assertEquals(LayerFunction.LINEAR, nine.layer("y").function());
    }

    @Test
    void resizeOfChannelsCubicModeAndCroppingAreRejected() {
        assertTrue(failure(new TinyOnnx().input("x", 1, 2, 3, 4).floats("s", 1, 2, 1, 1)
                .node(op("Resize", "y", "x", "", "s")).output("y")).endsWith("resizing 1x2x3x4 to 1x4x3x4 changes"
                + " the batch or channel axis; only the spatial axes (H, W) may be resized"));
        assertTrue(failure(new TinyOnnx().input("x", 1, 2, 3, 4).floats("s", 1, 1, 2, 2)
                .node(op("Resize", "y", "x", "", "s").addAttribute(string("mode", "cubic"))).output("y"))
                .endsWith("mode 'cubic' is not supported; nearest and linear are"));
        assertTrue(failure(new TinyOnnx().input("x", 1, 2, 3, 4).floats("s", 1, 1, 2, 2)
                .node(op("Resize", "y", "x", "", "s").addAttribute(string("coordinate_transformation_mode",
                        "tf_crop_and_resize"))).output("y")).contains("crops a region of interest"));
    }

    @Test
    void convTransposeIsAPatchConvolutionAndAnOverlapAdd() {
        // nn.ConvTranspose2d(4, 6, 3, stride=2, padding=1, output_padding=1) on 1x4x5x5: ONNX gives 1x6x10x10
        // (2 x 4 + 1 + 2 + 1 - 2). MACs: C_in x H_in x W_in x C_out x kH x kW = 4 x 25 x 6 x 9 = 5400, every input
        // pixel times every weight once; the crossbars hold a 4-row x 54-column matrix per copy.
        Network n = new TinyOnnx().input("x", 1, 4, 5, 5).weight("w", 4, 6, 3, 3).weight("b", 6)
                .node(op("ConvTranspose", "y", "x", "w", "b").addAttribute(ints("strides", 2, 2))
                        .addAttribute(ints("pads", 1, 1, 1, 1)).addAttribute(ints("output_padding", 1, 1)))
                .output("y").read(dir);

        assertEquals(List.of("input", "conv", "col2im"), ops(n));
        Layer patches = n.layer("y:patches");
        assertEquals(new Shape(1, 54, 5, 5), patches.outputShape());
        assertEquals(5400, patches.macs());
        assertEquals(5400, n.totalMacs());
        assertEquals(4, patches.weightRows());
        assertEquals(new CrossbarSet(1, 1, 1, 1, 4, 54), CrossbarSet.of(patches, 128, 1, 1));
        Layer col2im = n.layer("y");
        assertEquals(new Shape(1, 6, 10, 10), col2im.outputShape());
        assertEquals(new Padding(1, 1, 1, 1), col2im.window().padding());
        assertEquals(n, NetworkJsonReader.parse(NetworkJsonWriter.toJson(n), "deconv.json", n.name()));
    }

    @Test
    void convTransposeOutputExtentsFollowOnnxShapeInference() {
        // Each case: attributes on 1x4x5x5 (1x4x5x6 for the grouped one), weight 4 x 6/group x k x k, and the
        // output ONNX's shape inference gives.
        record Case(String what, long[] weight, int w, List<ai.onnx.proto.OnnxMl.AttributeProto> attrs, Shape out) {
        }
        List<Case> cases = List.of(
                new Case("group 2, 4x4/2, pads 1", new long[] {4, 3, 4, 4}, 6,
                        List.of(ints("strides", 2, 2), ints("pads", 1, 1, 1, 1), integer("group", 2)),
                        new Shape(1, 6, 10, 12)),
                new Case("SAME_UPPER 3x3/2", new long[] {4, 6, 3, 3}, 5,
                        List.of(ints("strides", 2, 2), string("auto_pad", "SAME_UPPER")), new Shape(1, 6, 10, 10)),
                new Case("output_shape 11x12", new long[] {4, 6, 3, 3}, 5,
                        List.of(ints("strides", 2, 2), ints("output_shape", 11, 12)), new Shape(1, 6, 11, 12)),
                new Case("dilation 2", new long[] {4, 6, 3, 3}, 5, List.of(ints("dilations", 2, 2)),
                        new Shape(1, 6, 9, 9)));
        for (Case c : cases) {
            var node = op("ConvTranspose", "y", "x", "w");
            c.attrs().forEach(node::addAttribute);
            Network n = new TinyOnnx().input("x", 1, 4, 5, c.w()).weight("w", c.weight()).node(node).output("y")
                    .read(dir);
            assertEquals(c.out(), n.layer("y").outputShape(), c.what());
            long macs = 4L * 5 * c.w() * c.weight()[1] * c.weight()[2] * c.weight()[3];
            assertEquals(macs, n.totalMacs(), c.what());
            assertEquals(1, n.count(LayerOp.COL2IM), c.what());
        }
    }

    @Test
    void convTransposeOfWrongWeightOrTooMuchOutputPaddingIsRejected() {
        assertTrue(failure(new TinyOnnx().input("x", 1, 4, 5, 5).weight("w", 3, 6, 3, 3)
                .node(op("ConvTranspose", "y", "x", "w")).output("y")).endsWith("weight 'w' (3x6x3x3) takes 3 input"
                + " channels in 1 group(s); the input has 4"));
        assertTrue(failure(new TinyOnnx().input("x", 1, 4, 5, 5).weight("w", 4, 6, 3, 3)
                .node(op("ConvTranspose", "y", "x", "w").addAttribute(ints("strides", 2, 2))
                        .addAttribute(ints("output_padding", 2, 0))).output("y"))
                .contains("with fewer extra rows and columns than the stride or dilation"));
    }
}
