package org.pimsyn.synth.network.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pimsyn.synth.network.onnx.TinyOnnx.integer;
import static org.pimsyn.synth.network.onnx.TinyOnnx.ints;
import static org.pimsyn.synth.network.onnx.TinyOnnx.op;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.mapping.CrossbarSet;
import org.pimsyn.synth.network.json.NetworkJsonReader;
import org.pimsyn.synth.network.json.NetworkJsonWriter;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.LayerOp;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Shape;

/**
 * Blocks of mobile and modern CNNs as current PyTorch exports them, on small graphs whose layers and MACs are
 * worked out by hand from the ONNX shape rules.
 */
class OnnxModernOpsTest {
    @TempDir
    Path dir;

    private static List<String> ops(Network network) {
        return network.layers().stream().map(Layer::opLabel).toList();
    }

    @Test
    void depthwiseSeparableBlockMapsOneSmallMatrixPerGroup() {
        // MobileNet block on 1x16x8x8: depthwise 3x3 (group 16, pads 1) then pointwise 1x1 to 32.
        // Depthwise: 8 x 8 positions x 16 out channels x (16 / 16) x 9 = 9216 MACs.
        // Pointwise: 8 x 8 x 32 x 16 x 1 = 32768 MACs.
        Network n = new TinyOnnx().input("x", 1, 16, 8, 8).weight("dw", 16, 1, 3, 3).weight("pw", 32, 16, 1, 1)
                .node(op("Conv", "d", "x", "dw").addAttribute(integer("group", 16)).addAttribute(ints("pads", 1, 1, 1, 1)))
                .node(op("Relu", "r", "d"))
                .node(op("Conv", "y", "r", "pw")).output("y").read(dir);

        assertEquals(List.of("input", "conv", "activation relu", "conv"), ops(n));
        Layer dw = n.layer("d");
        assertEquals(16, dw.groups());
        assertEquals(new Shape(1, 16, 8, 8), dw.outputShape());
        assertEquals(9216, dw.macs());
        assertEquals(32768, n.layer("y").macs());
        assertEquals(9216 + 32768, n.totalMacs());
        // Each group is its own 9-row x 1-column matrix: 16 crossbars of 128x128 per 2-bit slice, 8 slices for
        // 16-bit weights; never one 144 x 16 block-diagonal matrix (which would fit 2 row tiles x 1 column tile).
        CrossbarSet set = CrossbarSet.of(dw, 128, 2, 16);
        assertEquals(new CrossbarSet(16, 1, 1, 8, 9, 1), set);
        assertEquals(16 * 8, set.size());
    }

    @Test
    void groupedConvWithSeveralChannelsPerGroupTilesEachGroup() {
        // ResNeXt-style: 1x64x4x4, 128 out channels in 32 groups of 2 in / 4 out, 3x3, pads 1.
        // 4 x 4 x 128 x 2 x 9 = 36864 MACs; per group 18 rows x 4 columns.
        Network n = new TinyOnnx().input("x", 1, 64, 4, 4).weight("w", 128, 2, 3, 3)
                .node(op("Conv", "y", "x", "w").addAttribute(integer("group", 32)).addAttribute(ints("pads", 1, 1, 1, 1)))
                .output("y").read(dir);

        Layer conv = n.layer("y");
        assertEquals(36864, conv.macs());
        assertEquals(18, conv.weightRows());
        assertEquals(new CrossbarSet(32, 1, 1, 1, 18, 4), CrossbarSet.of(conv, 128, 1, 1));
    }

    @Test
    void squeezeAndExcitationWithOneByOneConvolutions() {
        // MobileNetV3 / EfficientNet SE on 1x16x6x6: GlobalAveragePool, Conv 1x1 16->4, Relu, Conv 1x1 4->16,
        // HardSigmoid, then Mul of [1,16,6,6] by [1,16,1,1]. MACs: 16 x 4 + 4 x 16 = 128 (1x1 positions).
        Network n = new TinyOnnx().input("x", 1, 16, 6, 6).weight("w1", 4, 16, 1, 1).weight("b1", 4)
                .weight("w2", 16, 4, 1, 1).weight("b2", 16)
                .node(op("GlobalAveragePool", "g", "x"))
                .node(op("Conv", "f1", "g", "w1", "b1"))
                .node(op("Relu", "r", "f1"))
                .node(op("Conv", "f2", "r", "w2", "b2"))
                .node(op("HardSigmoid", "s", "f2"))
                .node(op("Mul", "y", "s", "x")).output("y").read(dir);

        assertEquals(List.of("input", "pool average", "conv", "activation relu", "conv", "activation hard_sigmoid",
                "eltwise mul"), ops(n));
        assertEquals(new Shape(1, 4, 1, 1), n.layer("f1").outputShape());
        assertEquals(128, n.totalMacs());
        Layer mul = n.layer("y");
        assertEquals(new Shape(1, 16, 6, 6), mul.outputShape());
        assertEquals(List.of(n.layer("s").id(), n.layer("x").id()), mul.providers());
    }

    @Test
    void squeezeAndExcitationWithGemmLayers() {
        // torchvision-style SE with Linear layers: GlobalAveragePool, Flatten, Gemm 8->2, Relu, Gemm 2->8, Sigmoid,
        // Reshape to [1,8,1,1], Mul with [1,8,5,5]. MACs: 8 x 2 + 2 x 8 = 32.
        Network n = new TinyOnnx().input("x", 1, 8, 5, 5).weight("w1", 2, 8).weight("w2", 8, 2)
                .int64("shape", 1, 8, 1, 1)
                .node(op("GlobalAveragePool", "g", "x"))
                .node(op("Flatten", "f", "g"))
                .node(op("Gemm", "h", "f", "w1").addAttribute(integer("transB", 1)))
                .node(op("Relu", "r", "h"))
                .node(op("Gemm", "e", "r", "w2").addAttribute(integer("transB", 1)))
                .node(op("Sigmoid", "s", "e"))
                .node(op("Reshape", "s4", "s", "shape"))
                .node(op("Mul", "y", "x", "s4")).output("y").read(dir);

        assertEquals(32, n.totalMacs());
        assertEquals(LayerFunction.MUL, n.layer("y").function());
        assertEquals(new Shape(1, 8, 5, 5), n.layer("y").outputShape());
        assertEquals(2, n.count(LayerOp.FC));
    }

    @Test
    void reduceMeanOverSpatialAxesIsAGlobalAveragePool() {
        // EfficientNet / ConvNeXt heads: x.mean((2, 3)) on 1x8x5x5 gives [1,8] (keepdims 0), then Gemm 8->3.
        // MACs: 8 x 3 = 24. Opset 13 takes the axes as an attribute.
        Network n = new TinyOnnx().input("x", 1, 8, 5, 5).weight("w", 3, 8)
                .node(op("ReduceMean", "m", "x").addAttribute(ints("axes", -2, -1)).addAttribute(integer("keepdims", 0)))
                .node(op("Gemm", "y", "m", "w").addAttribute(integer("transB", 1))).output("y").read(dir);

        assertEquals(List.of("input", "pool average", "fc"), ops(n));
        Layer pool = n.layer("m");
        assertEquals(new Shape(1, 8, 1, 1), pool.outputShape());
        assertEquals(5, pool.window().kernelH());
        assertEquals(5, pool.window().kernelW());
        assertEquals(24, n.totalMacs());
    }

    @Test
    void reduceMeanTakesItsAxesFromAnInputSinceOpset18AndKeepsDimensions() {
        Network n = new TinyOnnx().opset(18).input("x", 1, 4, 3, 6).int64("axes", 2, 3)
                .node(op("ReduceMean", "m", "x", "axes"))
                .node(op("Mul", "y", "x", "m")).output("y").read(dir);

        assertEquals(List.of("input", "pool average", "eltwise mul"), ops(n));
        assertEquals(new Shape(1, 4, 1, 1), n.layer("m").outputShape());
        assertEquals(new Shape(1, 4, 3, 6), n.layer("y").outputShape());
    }

    @Test
    void reduceMeanOverChannelsIsRejected() {
        InputException e = assertThrows(InputException.class,
                () -> new TinyOnnx().input("x", 1, 4, 3, 3)
                        .node(op("ReduceMean", "m", "x").addAttribute(ints("axes", 1))).output("m").read(dir));
        assertTrue(e.getMessage().contains("only over all axes after the channel"
                + " axis"), e.getMessage());
    }

    @Test
    void channelShuffleBetweenTwoReshapesIsAPassThrough() {
        // ShuffleNet on 1x12x4x4, 3 groups: Conv 1x1 12->12 (group 3), Reshape to 1x3x4x4x4, Transpose
        // perm [0,2,1,3,4], Reshape to 1x12x4x4, Conv 1x1 12->6.
        // MACs: 16 positions x 12 x 4 = 768, then 16 x 6 x 12 = 1152; the shuffle adds no layer and no MACs.
        Network n = new TinyOnnx().input("x", 1, 12, 4, 4).weight("w1", 12, 4, 1, 1).weight("w2", 6, 12, 1, 1)
                .int64("split", 1, 3, 4, 4, 4).int64("merge", 1, -1, 4, 4)
                .node(op("Conv", "c", "x", "w1").addAttribute(integer("group", 3)))
                .node(op("Reshape", "r5", "c", "split"))
                .node(op("Transpose", "t", "r5").addAttribute(ints("perm", 0, 2, 1, 3, 4)))
                .node(op("Reshape", "s", "t", "merge"))
                .node(op("Conv", "y", "s", "w2")).output("y").read(dir);

        assertEquals(List.of("input", "conv", "conv"), ops(n));
        assertEquals(List.of(n.layer("c").id()), n.layer("y").providers());
        assertEquals(768 + 1152, n.totalMacs());
    }

    @Test
    void transposeThatChangesTheNchwShapeIsAReshapeLayer() {
        // NCHW to NHWC of 1x8x2x3 gives 1x2x3x8: data movement, no MACs.
        Network n = new TinyOnnx().input("x", 1, 8, 2, 3)
                .node(op("Transpose", "t", "x").addAttribute(ints("perm", 0, 2, 3, 1))).output("t").read(dir);

        assertEquals(List.of("input", "reshape"), ops(n));
        assertEquals(new Shape(1, 2, 3, 8), n.layer("t").outputShape());
        assertEquals(0, n.totalMacs());
    }

    @Test
    void geluFromErfIsOneActivationAndFourElementWiseLayers() {
        // PyTorch's exact GELU after a 1x1 Conv 4->8 on 1x4x3x3: y = c * 0.5 * (1 + erf(c / sqrt 2)), exported as
        // Div, Erf, Add, Mul, Mul. c has two readers, so the divisor cannot fold into the Conv.
        // MACs: 9 positions x 8 x 4 = 288; the element-wise part has none.
        TinyOnnx model = new TinyOnnx().input("x", 1, 4, 3, 3).weight("w", 8, 4, 1, 1)
                .weight("sqrt2").weight("one").weight("half")
                .node(op("Conv", "c", "x", "w"))
                .node(op("Div", "d", "c", "sqrt2"))
                .node(op("Erf", "e", "d"))
                .node(op("Add", "a", "e", "one"))
                .node(op("Mul", "m", "c", "a"))
                .node(op("Mul", "y", "m", "half")).output("y");
        Network n = model.read(dir);

        assertEquals(List.of("input", "conv", "eltwise div", "activation erf", "eltwise add", "eltwise mul",
                "eltwise mul"), ops(n));
        assertEquals(new Shape(1, 8, 3, 3), n.layer("y").outputShape());
        assertEquals(List.of(n.layer("c").id(), n.layer("a").id()), n.layer("m").providers());
        assertEquals(288, n.totalMacs());
        Network back = NetworkJsonReader.parse(NetworkJsonWriter.toJson(n), "gelu.json", n.name());
        assertEquals(LayerFunction.ERF, back.layer("e").function());
    }

    @Test
    void layerNormalizationIsAnLrnLayerWithoutMacs() {
        // ConvNeXt-style: Conv 3x3 3->8 (pads 1) on 1x3x4x4, LayerNormalization over channels after NCHW to NHWC,
        // back to NCHW. MACs: 16 positions x 8 x 3 x 9 = 3456; the normalization and the transposes have none.
        Network n = new TinyOnnx().opset(17).input("x", 1, 3, 4, 4).weight("w", 8, 3, 3, 3)
                .weight("scale", 8).weight("bias", 8)
                .node(op("Conv", "c", "x", "w").addAttribute(ints("pads", 1, 1, 1, 1)))
                .node(op("Transpose", "nhwc", "c").addAttribute(ints("perm", 0, 2, 3, 1)))
                .node(op("LayerNormalization", "ln", "nhwc", "scale", "bias").addAttribute(integer("axis", -1)))
                .node(op("Transpose", "y", "ln").addAttribute(ints("perm", 0, 3, 1, 2))).output("y").read(dir);

        assertEquals(List.of("input", "conv", "reshape", "lrn", "reshape"), ops(n));
        assertEquals(new Shape(1, 4, 4, 8), n.layer("ln").outputShape());
        assertEquals(new Shape(1, 8, 4, 4), n.layer("y").outputShape());
        assertEquals(3456, n.totalMacs());
    }

    @Test
    void channelSplitIsTwoSliceLayersOfTheInput() {
        // ShuffleNetV2 stride-1 block on 1x8x4x4 (opset 13, split as input): x1, x2 = x.chunk(2, dim=1),
        // y = cat(x1, conv1x1(x2)). The halves are views: SLICE layers of channels 0..3 and 4..7, no MACs.
        // MACs: 16 positions x 4 x 4 = 256.
        Network n = new TinyOnnx().input("x", 1, 8, 4, 4).weight("w", 4, 4, 1, 1).int64("split", 4, 4)
                .node(op("Split", "x1", "x", "split").addOutput("x2").addAttribute(integer("axis", 1)))
                .node(op("Conv", "c", "x2", "w"))
                .node(op("Concat", "y", "x1", "c").addAttribute(integer("axis", 1))).output("y").read(dir);

        assertEquals(List.of("input", "slice", "slice", "conv", "concat"), ops(n));
        Layer x1 = n.layer("x1");
        Layer x2 = n.layer("x2");
        assertEquals(new Shape(1, 4, 4, 4), x1.outputShape());
        assertEquals(0, x1.channelOffset());
        assertEquals(4, x2.channelOffset());
        assertEquals(List.of(n.layer("x").id()), x2.providers());
        assertEquals(4, n.layer("c").inChannels());
        assertEquals(256, n.totalMacs());
        assertEquals(n, NetworkJsonReader.parse(NetworkJsonWriter.toJson(n), "split.json", n.name()));
    }

    @Test
    void splitSizesComeFromTheAttributeBeforeOpset13AndFromNumOutputsSince18() {
        // Opset 11: split [2, 6] as an attribute.
        Network old = new TinyOnnx().opset(11).input("x", 1, 8, 2, 2)
                .node(op("Split", "a", "x").addOutput("b").addAttribute(integer("axis", 1))
                        .addAttribute(ints("split", 2, 6)))
                .node(op("Add", "y", "b", "b")).output("a").output("y").read(dir);
        assertEquals(new Shape(1, 2, 2, 2), old.layer("a").outputShape());
        assertEquals(new Shape(1, 6, 2, 2), old.layer("b").outputShape());
        // Opset 18: num_outputs 2 of 5 channels gives ceil(5 / 2) = 3 and the 2 left, as ONNX's shape inference.
        Network uneven = new TinyOnnx().opset(18).input("x", 1, 5, 2, 2)
                .node(op("Split", "a", "x").addOutput("b").addAttribute(integer("axis", 1))
                        .addAttribute(integer("num_outputs", 2)))
                .output("a").output("b").read(dir);
        assertEquals(3, uneven.layer("a").outChannels());
        assertEquals(2, uneven.layer("b").outChannels());
        assertEquals(3, uneven.layer("b").channelOffset());
    }

    @Test
    void splitOfAnotherAxisIsRejected() {
        InputException e = assertThrows(InputException.class, () -> new TinyOnnx().input("x", 1, 4, 6, 6)
                .node(op("Split", "a", "x").addOutput("b").addAttribute(integer("axis", 2)))
                .output("a").output("b").read(dir));
        assertTrue(e.getMessage().endsWith("node 'a_node' (op Split): Split of a layer output along axis 2 of 1x4x6x6"
                + " is not supported; only along channels (axis 1)"), e.getMessage());
    }

    @Test
    void sliceOfChannelsIsASliceLayerAndOfRowsIsRejected() {
        // x[:, 2:6] of 1x8x3x3 (ends past the end clamp): channels 2..5.
        Network n = new TinyOnnx().input("x", 1, 8, 3, 3).int64("starts", 2).int64("ends", 6).int64("axes", 1)
                .node(op("Slice", "y", "x", "starts", "ends", "axes")).output("y").read(dir);
        assertEquals(List.of("input", "slice"), ops(n));
        assertEquals(new Shape(1, 4, 3, 3), n.layer("y").outputShape());
        assertEquals(2, n.layer("y").channelOffset());

        InputException e = assertThrows(InputException.class, () -> new TinyOnnx().input("x", 1, 8, 3, 3)
                .int64("starts", 1).int64("ends", 3).int64("axes", 2)
                .node(op("Slice", "y", "x", "starts", "ends", "axes")).output("y").read(dir));
        assertTrue(e.getMessage().endsWith("node 'y_node' (op Slice): Slice of a layer output along axis 2 of 1x8x3x3"
                + " is not supported; only along channels (axis 1)"), e.getMessage());
    }

    @Test
    void reduceMaxSumAndMinOverSpatialAxesAreGlobalPools() {
        // x.amax((2, 3)), x.sum((2, 3)) (axes as input since opset 13) and x.amin((2, 3)) on 1x6x4x5.
        Network n = new TinyOnnx().opset(18).input("x", 1, 6, 4, 5).int64("axes", 2, 3)
                .node(op("ReduceMax", "mx", "x", "axes"))
                .node(op("ReduceSum", "sm", "x", "axes"))
                .node(op("ReduceMin", "mn", "x", "axes").addAttribute(integer("keepdims", 0)))
                .output("mx").output("sm").output("mn").read(dir);

        assertEquals(List.of("input", "pool max", "pool average", "pool max"), ops(n));
        assertEquals(new Shape(1, 6, 1, 1), n.layer("sm").outputShape());
        assertEquals(20, n.layer("mx").window().kernelH() * n.layer("mx").window().kernelW());
        assertEquals(0, n.totalMacs());
    }

    @Test
    void reduceMaxOverChannelsIsRejected() {
        InputException e = assertThrows(InputException.class, () -> new TinyOnnx().input("x", 1, 4, 3, 3)
                .node(op("ReduceMax", "m", "x").addAttribute(ints("axes", 1))).output("m").read(dir));
        assertTrue(e.getMessage().endsWith("ReduceMax over axes [1] of 1x4x3x3 is not supported; only over all axes"
                + " after the channel axis (global max pooling)"), e.getMessage());
    }
}
