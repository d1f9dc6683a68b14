package org.pimsyn.synth.network.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pimsyn.synth.network.onnx.TinyOnnx.integer;
import static org.pimsyn.synth.network.onnx.TinyOnnx.ints;
import static org.pimsyn.synth.network.onnx.TinyOnnx.op;
import static org.pimsyn.synth.network.onnx.TinyOnnx.string;
import static org.pimsyn.synth.network.onnx.TinyOnnx.tensor;

import ai.onnx.proto.OnnxMl.NodeProto;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.LayerOp;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Padding;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.Window;

/** Shape rules of each supported ONNX operator, on tiny models whose figures are worked out by hand. */
class OnnxImporterTest {
    @TempDir
    Path dir;

    private static List<String> ops(Network network) {
        return network.layers().stream().map(Layer::opLabel).toList();
    }

    // ---- Conv ----

    /** Input 2x8x7, kernel 3x3, stride 2. Expected sizes and pads worked out from the ONNX formulas. */
    @ParameterizedTest(name = "auto_pad {0}")
    @CsvSource(delimiter = '|', textBlock = """
            NOTSET     | 1,0,2,1 | 5 | 3 | 1 | 0 | 2 | 1
            SAME_UPPER | -       | 4 | 4 | 0 | 1 | 1 | 1
            SAME_LOWER | -       | 4 | 4 | 1 | 1 | 0 | 1
            VALID      | -       | 3 | 3 | 0 | 0 | 0 | 0
            ABSENT     | -       | 3 | 3 | 0 | 0 | 0 | 0
            """)
    void convAutoPadGivesHandComputedSizes(String autoPad, String pads, int outH, int outW,
                                          int top, int left, int bottom, int right) {
        // NOTSET pads 1,0,2,1: H = (8+1+2-3)/2+1 = 5, W = floor((7+0+1-3)/2)+1 = 3.
        // SAME: out = ceil(in/2) = 4; total pad H = 3*2+3-8 = 1, W = 3*2+3-7 = 2; the odd one at the end (UPPER)
        // or the start (LOWER). VALID and no padding: H = (8-3)/2+1 = 3, W = (7-3)/2+1 = 3.
        NodeProto.Builder conv = op("Conv", "y", "x", "w").addAttribute(ints("strides", 2, 2));
        if (!autoPad.equals("ABSENT")) {
            conv.addAttribute(string("auto_pad", autoPad));
        }
        if (!pads.equals("-")) {
            long[] p = java.util.Arrays.stream(pads.split(",")).mapToLong(Long::parseLong).toArray();
            conv.addAttribute(ints("pads", p));
        }
        Network n = new TinyOnnx().input("x", 1, 2, 8, 7).weight("w", 4, 2, 3, 3).node(conv).output("y").read(dir);

        Layer layer = n.layer("y");
        assertEquals(new Shape(1, 4, outH, outW), layer.outputShape());
        assertEquals(new Padding(top, left, bottom, right), layer.window().padding());
        assertEquals(4L * outH * outW * 2 * 9, layer.macs());
    }

    @Test
    void dilatedConvUsesTheDilatedKernelExtent() {
        // 3x3 kernel with dilation 2 spans 5: 10 - 5 + 1 = 6.
        Network n = new TinyOnnx().input("x", 1, 2, 10, 10).weight("w", 3, 2, 3, 3)
                .node(op("Conv", "y", "x", "w").addAttribute(ints("dilations", 2, 2))).read(dir);

        Layer conv = n.layer("y");
        assertEquals(new Shape(1, 3, 6, 6), conv.outputShape());
        assertEquals(new Window(3, 3, 1, 1, Padding.NONE, 2, 2), conv.window());
        assertEquals(3L * 6 * 6 * 2 * 9, conv.macs());
    }

    @Test
    void groupedConvCountsInputChannelsPerGroup() {
        // 8 channels in 4 groups: each output channel sees 2; 16 x 5 x 5 x 2 x 3 x 3 = 7200 MACs.
        Network n = new TinyOnnx().input("x", 1, 8, 5, 5).weight("w", 16, 2, 3, 3)
                .node(op("Conv", "y", "x", "w").addAttribute(integer("group", 4)).addAttribute(ints("pads", 1, 1, 1, 1)))
                .read(dir);

        Layer conv = n.layer("y");
        assertEquals(4, conv.groups());
        assertEquals(new Shape(1, 16, 5, 5), conv.outputShape());
        assertEquals(7200, conv.macs());
    }

    @Test
    void convKernelShapeComesFromTheWeightWhenAbsentAndMustMatchItWhenGiven() {
        Network n = new TinyOnnx().input("x", 1, 1, 9, 9).weight("w", 2, 1, 5, 3)
                .node(op("Conv", "y", "x", "w").addAttribute(ints("kernel_shape", 5, 3))).read(dir);

        assertEquals(new Shape(1, 2, 5, 7), n.layer("y").outputShape());
        assertEquals(5, n.layer("y").window().kernelH());
        assertEquals(3, n.layer("y").window().kernelW());
    }

    // ---- pooling ----

    @ParameterizedTest(name = "{0} ceil_mode {1} pads {2}")
    @CsvSource({
        // 6 wide, kernel 3, stride 2: floor (6-3)/2+1 = 2, ceil ceil(3/2)+1 = 3.
        "MaxPool, 0, 0, 2",
        "MaxPool, 1, 0, 3",
        // With pads 1: floor (8-3)/2+1 = 3; ceil ceil(5/2)+1 = 4, and the last window starts at 6, inside 6+1.
        "AveragePool, 0, 1, 3",
        "AveragePool, 1, 1, 4",
    })
    void poolCeilModeRoundsPartialWindowsUp(String opType, int ceilMode, int pad, int expected) {
        Network n = new TinyOnnx().input("x", 1, 3, 6, 6)
                .node(op(opType, "y", "x").addAttribute(ints("kernel_shape", 3, 3)).addAttribute(ints("strides", 2, 2))
                        .addAttribute(ints("pads", pad, pad, pad, pad)).addAttribute(integer("ceil_mode", ceilMode)))
                .read(dir);

        Layer pool = n.layer("y");
        assertEquals(LayerOp.POOL, pool.op());
        assertEquals(opType.equals("MaxPool") ? LayerFunction.MAX : LayerFunction.AVERAGE, pool.function());
        assertEquals(new Shape(1, 3, expected, expected), pool.outputShape());
        assertEquals(ceilMode == 1, pool.ceilMode());
    }

    @Test
    void poolSameUpperGivesCeilOfInputOverStride() {
        // ceil(7/2) = 4 whatever the kernel.
        Network n = new TinyOnnx().input("x", 1, 1, 7, 7)
                .node(op("MaxPool", "y", "x").addAttribute(ints("kernel_shape", 2, 2)).addAttribute(ints("strides", 2, 2))
                        .addAttribute(string("auto_pad", "SAME_UPPER"))).read(dir);

        assertEquals(new Shape(1, 1, 4, 4), n.layer("y").outputShape());
    }

    @Test
    void globalPoolsReduceToOnePixelPerChannel() {
        Network n = new TinyOnnx().input("x", 1, 5, 7, 3)
                .node(op("GlobalAveragePool", "a", "x")).node(op("GlobalMaxPool", "m", "x")).read(dir);

        assertEquals(new Shape(1, 5, 1, 1), n.layer("a").outputShape());
        assertEquals(LayerFunction.AVERAGE, n.layer("a").function());
        assertEquals(LayerFunction.MAX, n.layer("m").function());
    }

    // ---- Gemm and MatMul ----

    @Test
    void gemmWithTransBIsAnFcOverFlattenedFeatures() {
        // Flatten 5x2x2 = 20 features; B is 7 x 20 transposed: 20 -> 7, 140 MACs.
        Network n = new TinyOnnx().input("x", 1, 5, 2, 2).weight("b", 7, 20).weight("c", 7)
                .node(op("Flatten", "f", "x"))
                .node(op("Gemm", "y", "f", "b", "c").addAttribute(integer("transB", 1))).read(dir);

        assertEquals(List.of("input", "flatten", "fc"), ops(n));
        Layer fc = n.layer("y");
        assertEquals(20, fc.inChannels());
        assertEquals(Shape.vector(1, 7), fc.outputShape());
        assertEquals(140, fc.macs());
    }

    @Test
    void gemmWithoutTransBReadsKByN() {
        Network n = new TinyOnnx().input("x", 1, 20).weight("b", 20, 7)
                .node(op("Gemm", "y", "x", "b")).read(dir);

        assertEquals(140, n.layer("y").macs());
    }

    @Test
    void gemmWithTransAOnASingleColumnReadsItAsOneRow() {
        Network n = new TinyOnnx().input("x", 1, 5, 2, 2).int64("s", 20, 1).weight("b", 20, 3)
                .node(op("Reshape", "col", "x", "s"))
                .node(op("Gemm", "y", "col", "b").addAttribute(integer("transA", 1))).read(dir);

        assertEquals(List.of("input", "reshape", "reshape", "fc"), ops(n));
        assertEquals(new Shape(20, 1, 1, 1), n.layer("col").outputShape());
        assertEquals(Shape.vector(1, 20), n.layer("y:transA").outputShape());
        assertEquals(60, n.layer("y").macs());
    }

    @Test
    void matMulWithAConstantWeightIsAnFcAndItsBiasFolds() {
        // The weight itself is reshaped from 4x5x3 to 20x3 by a folded Reshape (as CNTK exports do).
        Network n = new TinyOnnx().input("x", 1, 20).weight("w3", 4, 5, 3).int64("s", 20, 3).weight("bias", 1, 3)
                .node(op("Reshape", "w", "w3", "s"))
                .node(op("MatMul", "m", "x", "w"))
                .node(op("Add", "y", "m", "bias")).output("y").read(dir);

        assertEquals(List.of("input", "fc"), ops(n));
        assertEquals(60, n.layer("m").macs());
    }

    // ---- BatchNormalization, biases and broadcasting ----

    @Test
    void batchNormalizationFoldsIntoThePrecedingConv() {
        Network n = new TinyOnnx().input("x", 1, 3, 4, 4).weight("w", 8, 3, 1, 1)
                .weight("s", 8).weight("b", 8).weight("m", 8).weight("v", 8)
                .node(op("Conv", "c", "x", "w"))
                .node(op("BatchNormalization", "bn", "c", "s", "b", "m", "v"))
                .node(op("Relu", "r", "bn")).read(dir);

        assertEquals(List.of("input", "conv", "activation relu"), ops(n));
        assertEquals(List.of(n.layer("c").id()), n.layer("r").providers());
    }

    @Test
    void perChannelBiasAndScaleOnASoleConsumerFoldIntoTheConv() {
        Network n = new TinyOnnx().input("x", 1, 3, 4, 4).weight("w", 8, 3, 1, 1).weight("bias", 8, 1, 1)
                .weight("scale", 1, 8, 1, 1)
                .node(op("Conv", "c", "x", "w"))
                .node(op("Add", "biased", "c", "bias"))
                .node(op("Mul", "scaled", "scale", "biased"))
                .node(op("Relu", "r", "scaled")).read(dir);

        assertEquals(List.of("input", "conv", "activation relu"), ops(n));
    }

    @Test
    void constantOperandThatCannotFoldIsAOneInputEltwiseLayer() {
        // The conv output feeds two nodes, so "+3" is not the conv's own bias (the hard-swish pattern).
        Network n = new TinyOnnx().input("x", 1, 3, 4, 4).weight("w", 8, 3, 1, 1).weight("three")
                .weight("six")
                .node(op("Conv", "c", "x", "w"))
                .node(op("Add", "plus3", "c", "three"))
                .node(op("Clip", "clip", "plus3"))
                .node(op("Mul", "mul", "c", "clip"))
                .node(op("Div", "hswish", "mul", "six")).read(dir);

        assertEquals(List.of("input", "conv", "eltwise add", "activation clip", "eltwise mul", "eltwise div"), ops(n));
        assertEquals(List.of(n.layer("c").id()), n.layer("plus3").providers());
        assertEquals(List.of(n.layer("c").id(), n.layer("clip").id()), n.layer("mul").providers());
        assertEquals(List.of(n.layer("mul").id()), n.layer("hswish").providers());
    }

    @Test
    void constantThatIsNotPerChannelDoesNotFold() {
        Network n = new TinyOnnx().input("x", 1, 3, 4, 4).weight("w", 8, 3, 1, 1).weight("map", 1, 1, 4, 4)
                .node(op("Conv", "c", "x", "w"))
                .node(op("Add", "y", "c", "map")).read(dir);

        assertEquals(LayerOp.ELTWISE, n.layer("y").op());
        assertEquals(new Shape(1, 8, 4, 4), n.layer("y").outputShape());
    }

    @Test
    void eltwiseBroadcastsLayerOutputs() {
        // Squeeze-and-excitation: 1x8x4x4 times 1x8x1x1.
        Network n = new TinyOnnx().input("x", 1, 8, 4, 4)
                .node(op("GlobalAveragePool", "g", "x"))
                .node(op("Sigmoid", "s", "g"))
                .node(op("Mul", "y", "x", "s")).read(dir);

        Layer mul = n.layer("y");
        assertEquals(LayerFunction.MUL, mul.function());
        assertEquals(new Shape(1, 8, 4, 4), mul.outputShape());
        assertEquals(List.of(n.layer("x").id(), n.layer("s").id()), mul.providers());
    }

    @Test
    void sumOfThreeLayersIsOneEltwiseLayer() {
        Network n = new TinyOnnx().input("x", 1, 2, 3, 3)
                .node(op("Relu", "a", "x")).node(op("Sigmoid", "b", "x")).node(op("Tanh", "c", "x"))
                .node(op("Sum", "s", "a", "b", "c")).read(dir);

        assertEquals(3, n.layer("s").providers().size());
        assertEquals(LayerFunction.ADD, n.layer("s").function());
    }

    // ---- Concat, Flatten, Reshape, Squeeze, Pad ----

    @Test
    void concatJoinsChannels() {
        Network n = new TinyOnnx().input("x", 1, 3, 5, 5).weight("w1", 4, 3, 1, 1).weight("w2", 6, 3, 3, 3)
                .node(op("Conv", "a", "x", "w1"))
                .node(op("Conv", "b", "x", "w2").addAttribute(ints("pads", 1, 1, 1, 1)))
                .node(op("Concat", "y", "a", "b").addAttribute(integer("axis", 1))).read(dir);

        assertEquals(new Shape(1, 10, 5, 5), n.layer("y").outputShape());
    }

    @Test
    void reshapeTargetFromAnInitializerCopiesZerosAndInfersMinusOne() {
        // [0, -1] on 1x4x3x2: 0 copies the batch, -1 takes the remaining 24.
        Network n = new TinyOnnx().input("x", 1, 4, 3, 2).int64("shape", 0, -1)
                .node(op("Reshape", "y", "x", "shape")).read(dir);

        assertEquals(Shape.vector(1, 24), n.layer("y").outputShape());
        assertEquals(LayerOp.RESHAPE, n.layer("y").op());
    }

    @Test
    void reshapeTargetFromAConstantNode() {
        // [0, 4, -1, 1] on 1x2x3x4: -1 = 24 / 4 = 6.
        Network n = new TinyOnnx().input("x", 1, 2, 3, 4)
                .node(op("Constant", "shape").addAttribute(tensor("value", TinyOnnx.intsTensor("", 0, 4, -1, 1))))
                .node(op("Reshape", "y", "x", "shape")).read(dir);

        assertEquals(List.of("input", "reshape"), ops(n));
        assertEquals(new Shape(1, 4, 6, 1), n.layer("y").outputShape());
    }

    @Test
    void reshapeThatKeepsTheNchwShapeIsAPassThrough() {
        // 1x8x1x1 -> 1x8 is the same NCHW vector: the FC reads the pool directly.
        Network n = new TinyOnnx().input("x", 1, 8, 3, 3).int64("shape", 1, 8).weight("w", 2, 8)
                .node(op("GlobalAveragePool", "g", "x"))
                .node(op("Reshape", "r", "g", "shape"))
                .node(op("Gemm", "y", "r", "w").addAttribute(integer("transB", 1))).read(dir);

        assertEquals(List.of("input", "pool average", "fc"), ops(n));
        assertNull(n.layer("r"));
    }

    @Test
    void squeezeAndUnsqueezeOfLayerOutputsMoveNoData() {
        Network n = new TinyOnnx().opset(11).input("x", 1, 8, 3, 3)
                .node(op("GlobalMaxPool", "g", "x"))
                .node(op("Squeeze", "s", "g").addAttribute(ints("axes", 2, 3)))
                .node(op("Unsqueeze", "u", "s").addAttribute(ints("axes", -1)))
                .node(op("Relu", "r", "u")).read(dir);

        assertEquals(List.of("input", "pool max", "activation relu"), ops(n));
        assertEquals(new Shape(1, 8, 1, 1), n.layer("r").outputShape());
    }

    @Test
    void flattenAtAxisTwoIsAReshape() {
        // 1x2x3x4 at axis 2: [1*2, 3*4] = 2 x 12.
        Network n = new TinyOnnx().input("x", 1, 2, 3, 4)
                .node(op("Flatten", "y", "x").addAttribute(integer("axis", 2))).read(dir);

        assertEquals(LayerOp.RESHAPE, n.layer("y").op());
        assertEquals(Shape.vector(2, 12), n.layer("y").outputShape());
    }

    @Test
    void padFromAnInputPadsHeightAndWidth() {
        // pads = [N0, C0, top 1, left 2, N0, C0, bottom 3, right 4]: 5 + 4 = 9 rows, 6 + 6 = 12 columns.
        Network n = new TinyOnnx().input("x", 1, 2, 5, 6).int64("pads", 0, 0, 1, 2, 0, 0, 3, 4)
                .node(op("Pad", "y", "x", "pads")).read(dir);

        assertEquals(new Shape(1, 2, 9, 12), n.layer("y").outputShape());
        assertEquals(new Padding(1, 2, 3, 4), n.layer("y").window().padding());
    }

    @Test
    void padFromTheOpsetTwoAttribute() {
        Network n = new TinyOnnx().opset(2).input("x", 1, 2, 5, 6)
                .node(op("Pad", "y", "x").addAttribute(ints("pads", 0, 0, 1, 1, 0, 0, 1, 1))).read(dir);

        assertEquals(new Shape(1, 2, 7, 8), n.layer("y").outputShape());
    }

    @Test
    void activationsLrnAndSoftmaxKeepTheShape() {
        Network n = new TinyOnnx().input("x", 1, 4, 2, 2)
                .node(op("LeakyRelu", "a", "x")).node(op("HardSigmoid", "b", "a")).node(op("HardSwish", "c", "b"))
                .node(op("LRN", "d", "c").addAttribute(integer("size", 3)))
                .node(op("Dropout", "e", "d")).node(op("Identity", "f", "e"))
                .node(op("Softmax", "g", "f")).node(op("LogSoftmax", "h", "g")).read(dir);

        assertEquals(List.of("input", "activation leaky_relu", "activation hard_sigmoid", "activation hard_swish", "lrn",
                "softmax softmax", "softmax log_softmax"), ops(n));
        for (Layer layer : n.layers()) {
            assertEquals(new Shape(1, 4, 2, 2), layer.outputShape());
        }
        assertEquals(List.of(n.layer("d").id()), n.layer("g").providers());
    }

    // ---- shape subgraphs ----

    @Test
    void shapeGatherUnsqueezeConcatChainFoldsIntoTheReshape() {
        // Shape(x) = [1, 3, 4, 4]; Gather index 0 -> 1; Unsqueeze -> [1]; Concat with [-1] -> [1, -1]: 1 x 48.
        Network n = new TinyOnnx().input("x", 1, 3, 4, 4).int64("minus1", -1)
                .node(op("Relu", "r", "x"))
                .node(op("Shape", "shape", "r"))
                .node(op("Constant", "zero").addAttribute(integer("value_int", 0)))
                .node(op("Gather", "batch", "shape", "zero").addAttribute(integer("axis", 0)))
                .node(op("Constant", "axes").addAttribute(ints("value_ints", 0)))
                .node(op("Unsqueeze", "batch1", "batch", "axes"))
                .node(op("Concat", "target", "batch1", "minus1").addAttribute(integer("axis", 0)))
                .node(op("Reshape", "y", "r", "target")).read(dir);

        assertEquals(List.of("input", "activation relu", "reshape"), ops(n));
        assertEquals(Shape.vector(1, 48), n.layer("y").outputShape());
    }

    @Test
    void shapeCastSliceChainFoldsLikePaddleExports() {
        // Shape -> Cast int32 -> Slice [0:1] -> Cast int64, Concat with a constant 12: 1 x 12.
        Network n = new TinyOnnx().opset(9).input("x", 1, 12, 1, 1).int64("twelve", 12)
                .node(op("Shape", "shape", "x"))
                .node(op("Cast", "shape32", "shape").addAttribute(integer("to", 6)))
                .node(op("Slice", "first", "shape32").addAttribute(ints("axes", 0)).addAttribute(ints("starts", 0))
                        .addAttribute(ints("ends", 1)))
                .node(op("Cast", "first64", "first").addAttribute(integer("to", 7)))
                .node(op("Concat", "target", "first64", "twelve").addAttribute(integer("axis", 0)))
                .node(op("Reshape", "y", "x", "target"))
                .node(op("Softmax", "p", "y")).read(dir);

        assertEquals(List.of("input", "softmax softmax"), ops(n));
        assertEquals(Shape.vector(1, 12), n.layer("p").outputShape());
    }

    @Test
    void sliceWithInputOperandsFoldsAndAThreeDimensionalTargetIsAOneRowImage() {
        // Shape(x)[0:2] = [1, 2]; with -1 appended: 1 x 2 x 12, seen as a 1x2x1x12 image.
        Network n = new TinyOnnx().input("x", 1, 2, 3, 4).int64("zero", 0).int64("two", 2).int64("minus1", -1)
                .node(op("Shape", "shape", "x"))
                .node(op("Slice", "head", "shape", "zero", "two"))
                .node(op("Concat", "target", "head", "minus1").addAttribute(integer("axis", 0)))
                .node(op("Reshape", "y", "x", "target")).read(dir);

        assertEquals(List.of("input", "reshape"), ops(n));
        assertEquals(new Shape(1, 2, 1, 12), n.layer("y").outputShape());
    }

    @Test
    void clipWithOptionalMinAndMaxInputsIsOneActivation() {
        Network n = new TinyOnnx().input("x", 1, 2, 3, 3).weight("max")
                .node(op("Clip", "y", "x", "", "max")).read(dir);

        assertEquals(List.of("input", "activation clip"), ops(n));
    }

    // ---- weights storage, precision, inputs ----

    @Test
    void ir3WeightsListedAsGraphInputsAreNotLayerInputs() {
        Network n = new TinyOnnx().irVersion(3).opset(8).input("data", 1, 3, 6, 6).ir3Weight("w", 4, 3, 3, 3)
                .ir3Weight("b", 4)
                .node(op("Conv", "y", "data", "w", "b")).read(dir);

        assertEquals(1, n.inputs().size());
        assertEquals("data", n.inputs().get(0).name());
        assertEquals(new Shape(1, 4, 4, 4), n.layer("y").outputShape());
    }

    @Test
    void weightGivenOnlyAsAGraphInputUsesItsDeclaredShape() {
        Network n = new TinyOnnx().input("data", 1, 3, 6, 6).input("w", 4, 3, 3, 3)
                .node(op("Conv", "y", "data", "w")).read(dir);

        assertEquals(1, n.inputs().size());
        assertEquals(4L * 16 * 27, n.layer("y").macs());
    }

    @Test
    void constantOfShapeWeightsTakeTheirShapeFromTheInt64Tensor() {
        Network n = new TinyOnnx().input("x", 1, 3, 6, 6).int64("w__SHAPE", 5, 3, 3, 3).int64("b__SHAPE", 5)
                .node(op("ConstantOfShape", "w", "w__SHAPE"))
                .node(op("ConstantOfShape", "b", "b__SHAPE"))
                .node(op("Conv", "y", "x", "w", "b")).read(dir);

        assertEquals(List.of("input", "conv"), ops(n));
        assertEquals(new Shape(1, 5, 4, 4), n.layer("y").outputShape());
    }

    @Test
    void weightsAsConstantNodesAndTypedFields() {
        var typed = ai.onnx.proto.OnnxMl.TensorProto.newBuilder().setDataType(TinyOnnx.FLOAT)
                .addAllDims(List.of(2L, 3L, 1L, 1L)).addAllFloatData(List.of(1f, 2f, 3f, 4f, 5f, 6f)).build();
        Network n = new TinyOnnx().input("x", 1, 3, 2, 2)
                .node(op("Constant", "w").addAttribute(tensor("value", typed)))
                .node(op("Conv", "y", "x", "w")).read(dir);

        assertEquals(new Shape(1, 2, 2, 2), n.layer("y").outputShape());
    }

    @Test
    void halfPrecisionModelImportsLikeItsFloatTwin() {
        Network half = new TinyOnnx().floatType(TinyOnnx.FLOAT16).input("x", 1, 3, 8, 8).weight("w", 4, 3, 3, 3)
                .node(op("Conv", "y", "x", "w")).node(op("Cast", "y32", "y").addAttribute(integer("to", 1)))
                .node(op("Relu", "r", "y32")).read(dir);
        Network single = new TinyOnnx().input("x", 1, 3, 8, 8).weight("w", 4, 3, 3, 3)
                .node(op("Conv", "y", "x", "w")).node(op("Relu", "r", "y")).read(dir);

        assertEquals(single.layers(), half.layers());
    }

    @Test
    void symbolicAndMissingBatchDimensionsBecomeOne() {
        Network symbolic = new TinyOnnx().input("x", "batch", 3, 4, 4).node(op("Relu", "y", "x")).read(dir);
        Network missing = new TinyOnnx().input("x", null, 3, 4, 4).node(op("Relu", "y", "x")).read(dir);

        assertEquals(new Shape(1, 3, 4, 4), symbolic.layer("x").outputShape());
        assertEquals(new Shape(1, 3, 4, 4), missing.layer("x").outputShape());
    }

    @Test
    void inputShapeFillsDynamicDimensions() {
        Network n = new TinyOnnx().input("x", "n", 3, "h", "w").weight("w", 2, 3, 3, 3)
                .node(op("Conv", "y", "x", "w")).read(dir, Shape.parse("1x3x48x192"));

        assertEquals(new Shape(1, 3, 48, 192), n.layer("x").outputShape());
        assertEquals(new Shape(1, 2, 46, 190), n.layer("y").outputShape());
    }

    @Test
    void inputShapeAgreeingWithFixedDimensionsIsAccepted() {
        Network n = new TinyOnnx().input("x", 1, 3, 8, 8).node(op("Relu", "y", "x")).read(dir, Shape.parse("1x3x8x8"));

        assertEquals(new Shape(1, 3, 8, 8), n.layer("y").outputShape());
    }

    // ---- names and graph order ----

    @Test
    void layersAreNamedAfterTheirFirstOutputAndTheNetworkAfterTheFile() {
        Path file = new TinyOnnx().input("image", 1, 1, 4, 4).weight("w", 2, 1, 3, 3)
                .node(op("Conv", "features", "image", "w").setName("conv_node"))
                .write(dir, "my_net.onnx");

        Network n = OnnxImporter.read(file, null);

        assertEquals("my_net", n.name());
        assertEquals(List.of("image", "features"), n.layers().stream().map(Layer::name).toList());
    }

    @Test
    void nodesOutOfOrderAreSortedTopologically() {
        Network sorted = new TinyOnnx().input("x", 1, 2, 4, 4)
                .node(op("Relu", "a", "x")).node(op("Sigmoid", "b", "a")).node(op("Add", "c", "a", "b")).read(dir);
        Network shuffled = new TinyOnnx().input("x", 1, 2, 4, 4)
                .node(op("Add", "c", "a", "b")).node(op("Sigmoid", "b", "a")).node(op("Relu", "a", "x")).read(dir);

        assertEquals(sorted, shuffled);
    }

    @Test
    void everyLayerRecordsItsConsumers() {
        Network n = new TinyOnnx().input("x", 1, 2, 4, 4)
                .node(op("Relu", "a", "x")).node(op("Sigmoid", "b", "a")).node(op("Add", "c", "a", "b")).read(dir);

        assertEquals(List.of(n.layer("b").id(), n.layer("c").id()), n.layer("a").consumers());
        assertTrue(n.layer("c").consumers().isEmpty());
    }
}
