package org.pimsyn.synth.stage.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.synth.mapping.CrossbarSet;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.onnx.OnnxImporter;
import org.pimsyn.synth.network.zoo.NetworkZoo;
import org.pimsyn.synth.network.zoo.ZooNetwork;

/** Every zoo network compiles, one macro per weight layer, with workloads equal to closed forms. */
class ZooDataflowTest {
    static Stream<String> zooNames() {
        return NetworkZoo.all().stream().map(ZooNetwork::name);
    }

    /** About 16 blocks per layer keeps even VGG-19 programs small. */
    private static int[] sixteenBlocksEach(Network network) {
        List<Layer> weights = network.weightLayers();
        int[] wtDup = new int[weights.size()];
        for (int k = 0; k < wtDup.length; k++) {
            wtDup[k] = Math.max(1, weights.get(k).outputPositions() / 16);
        }
        return wtDup;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zooNames")
    void zooNetworkCompilesWithClosedFormWorkloads(String name) {
        compilesWithClosedFormWorkloads(NetworkZoo.build(name));
    }

    /**
     * The ONNX exports of RealNetworkExportsTest (channel splits, resizes, transposed convolutions, row-wise
     * MatMuls, GELU, layer normalization) map every weight layer onto crossbars and every other layer onto its ALU
     * kind or no work.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"shufflenet_v2_x0_25", "convnext_block_stack", "mobilenet_v3_se", "unet_decoder"})
    void onnxExportCompilesWithClosedFormWorkloads(String name) throws Exception {
        Path file = Path.of(ZooDataflowTest.class.getResource("/org/pimsyn/synth/network/onnx/zoo/" + name + ".onnx")
                .toURI());
        compilesWithClosedFormWorkloads(OnnxImporter.read(file, null));
    }

    private static void compilesWithClosedFormWorkloads(Network network) {
        // 128x128 crossbars, 2-bit cells, 8-bit weights and activations, ResDAC 2: 4 bit iterations.
        DataflowSpec spec = new DataflowSpec(network, sixteenBlocksEach(network), 2, 128, 2, 8, 8);
        DataflowSkeleton skeleton = DataflowSkeleton.of(spec);
        CompiledDataflow compiled = skeleton.compile(skeleton.oneMacroPerLayer());
        IrProgram program = compiled.program();
        DataflowWorkload w = compiled.workload();
        assertEquals(network.weightLayers().size(), program.layerCount());

        long adc = 0;
        int loads = 0;
        for (int k = 0; k < skeleton.weightLayerCount(); k++) {
            Layer layer = network.layer(skeleton.weightLayerId(k));
            CrossbarSet set = skeleton.crossbarSet(k);
            assertEquals(layer.outputPositions() * set.conversionsPerCopy() * 4, w.adcConversions(k), layer.name());
            adc += w.adcConversions(k);
            loads += skeleton.blocks(k);
            assertEquals((long) layer.outputPositions() * layer.weightRows() * layer.groups() * 8, w.loadedBits(k));
        }
        long[] alu = AluClosedForm.elements(network);
        assertEquals(adc, w.totalAluElements(AluKind.SHIFT_ADD));
        for (AluKind kind : List.of(AluKind.POOL, AluKind.RELU, AluKind.SIGMOID, AluKind.ELTWISE)) {
            assertEquals(alu[kind.code()], w.totalAluElements(kind), kind.label());
        }
        Irs irs = new Irs(program);
        assertEquals(loads, irs.count(IrKind.LOAD));
        assertEquals(0, irs.count(IrKind.MERGE));
        // Every weight layer but the first waits for an earlier layer's data, sent from that layer's home.
        for (int k = 1; k < skeleton.weightLayerCount(); k++) {
            int load = irs.find(IrKind.LOAD, k, skeleton.blocks(k) - 1, IrProgram.NO_BIT, k);
            int waited = -1;
            for (int j = 0; j < k; j++) {
                waited = Math.max(waited, irs.latestStoreReaching(j, load));
            }
            assertTrue(waited >= 0, network.layer(skeleton.weightLayerId(k)).name());
        }
        assertEquals(0, irs.count(IrKind.TRANSFER) - transfersToOtherHomes(program));
    }

    /** TRANSFERs between different macros: with one macro per layer, all of them. */
    private static int transfersToOtherHomes(IrProgram program) {
        int n = 0;
        for (int i = 0; i < program.size(); i++) {
            n += program.kind(i) == IrKind.TRANSFER && program.srcMacro(i) != program.dstMacro(i) ? 1 : 0;
        }
        return n;
    }

    @Test
    void resnet18ResidualAdditionsBelongToTheLaterBranch() {
        Network network = NetworkZoo.build("resnet18");
        DataflowSkeleton skeleton = DataflowSkeleton.of(new DataflowSpec(network, sixteenBlocksEach(network), 1,
                128, 2, 8, 8));
        // With a projection shortcut the addition belongs to the projection (added after conv2); without one to
        // conv2, since the shortcut comes from an earlier block.
        Layer downsampleAdd = network.layer("layer2.0.add");
        assertEquals(skeleton.ownerOf(network.layer("layer2.0.downsample").id()), skeleton.ownerOf(downsampleAdd.id()));
        Layer plainAdd = network.layer("layer1.1.add");
        assertEquals(skeleton.ownerOf(network.layer("layer1.1.conv2").id()), skeleton.ownerOf(plainAdd.id()));
        assertEquals(skeleton.ownerOf(network.layer("conv1").id()), skeleton.ownerOf(network.layer("maxpool").id()));
    }

    @Test
    void alexNetAtTheOriginalsDuplicationsHasAboutAsManyIrsAsTheOriginal() {
        Network alexnet = NetworkZoo.build("alexnet");
        DataflowSkeleton skeleton = DataflowSkeleton.of(new DataflowSpec(alexnet, new int[] {119, 26, 6, 6, 6, 1, 1, 1},
                1, 256, 2, 16, 16));
        IrProgram program = skeleton.compile(skeleton.oneMacroPerLayer()).program();
        // Blocks: conv1 ceil(3025/119) = 26, conv2 ceil(729/26) = 29, conv3-5 ceil(169/6) = 29, FC 1 each: 145.
        // Each block: LOAD, 16 x (MVM, ADC, shift-add), ADD (every layer has row tiles), STORE: 51 IRs.
        Irs irs = new Irs(program);
        assertEquals(145, irs.count(IrKind.LOAD));
        assertEquals(145 * 16, irs.count(IrKind.MVM));
        assertEquals(145, irs.count(AluKind.ADD));
        // ReLU in every block of conv1-5, fc6 and fc7.
        assertEquals(26 + 29 * 4 + 2, irs.count(AluKind.RELU));
        // A 3x3 stride-2 pool output (r, c) completes with the block holding conv position (2r+2, 2c+2):
        // pool1 completes outputs in all 26 conv1 blocks, pool2 in 25 of conv2's 29 (not 0, 1, 24, 26),
        // pool5 in 16 of conv5's 29.
        assertEquals(26 + 25 + 16, irs.count(AluKind.POOL));
        // One TRANSFER per block that stores something, to the next layer's macro: pool1 blocks, pool2 blocks,
        // every conv3 and conv4 block, pool5 blocks, fc6, fc7 (fc8's outputs go nowhere).
        assertEquals(26 + 25 + 29 + 29 + 16 + 1 + 1, irs.count(IrKind.TRANSFER));
        // 145 x 51 + 144 + 67 + 127; the original tool's dataflow has 7,784 IRs for this design.
        assertEquals(7733, program.size());
    }
}
