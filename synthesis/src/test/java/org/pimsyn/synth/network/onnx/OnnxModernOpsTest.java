package org.pimsyn.synth.network.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pimsyn.synth.network.onnx.TinyOnnx.integer;
import static org.pimsyn.synth.network.onnx.TinyOnnx.ints;
import static org.pimsyn.synth.network.onnx.TinyOnnx.op;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.mapping.CrossbarSet;
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
}
