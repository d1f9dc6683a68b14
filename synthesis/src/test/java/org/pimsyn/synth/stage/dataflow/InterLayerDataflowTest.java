package org.pimsyn.synth.stage.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Shape;

/**
 * Dependencies between layers, worked by hand. Crossbars 256x256, 2-bit cells and 8-bit weights (4 weight slices:
 * a copy yields C_out x 4 conversions), 1-bit activations and DAC (one bit iteration).
 */
class InterLayerDataflowTest {
    private static final int NO_BIT = IrProgram.NO_BIT;

    private static DataflowSkeleton skeleton(Network network, int... wtDup) {
        return DataflowSkeleton.of(new DataflowSpec(network, wtDup, 1, 256, 2, 8, 1));
    }

    /** Every layer's crossbars in macro 0: all homes equal, so no layer's data travels. */
    private static Placement allInMacroZero(DataflowSkeleton skeleton) {
        List<LayerPlacement> layers = new ArrayList<>();
        for (int k = 0; k < skeleton.weightLayerCount(); k++) {
            layers.add(LayerPlacement.single(0, skeleton.crossbarsOf(k)));
        }
        return new Placement(layers);
    }

    /**
     * in 1x4x8x8 -> conv A 3x3 s1 p1 (WtDup 8: block b is output row b) -> maxpool 2x2 s2 (4x4) -> conv B 3x3 s2
     * p1 (2x2, WtDup 1: one position per block).
     */
    private static Network convPoolConv() {
        NetworkBuilder b = new NetworkBuilder("conv-pool-conv");
        int x = b.input("in", new Shape(1, 4, 8, 8));
        x = b.conv("A", x, 4, 3, 1, 1);
        x = b.maxPool("pool", x, 2, 2, 0);
        b.conv("B", x, 4, 3, 2, 1);
        return b.build();
    }

    @Test
    void strideTwoConvolutionAfterPoolingWaitsForTheBlockCompletingItsReceptiveField() {
        DataflowSkeleton skeleton = skeleton(convPoolConv(), 8, 1);
        assertEquals(List.of(2), skeleton.ownedAluLayers(0));
        // Pool row r reads A rows 2r and 2r+1, so it completes with A's block 2r+1: A stores 4 positions x 4
        // channels in odd blocks, nothing (a STORE of 1) in even ones.
        int[] stored = new int[8];
        for (int b = 0; b < 8; b++) {
            stored[b] = skeleton.storedElements(0, b);
        }
        assertEquals(List.of(0, 16, 0, 16, 0, 16, 0, 16), boxed(stored));

        Irs irs = new Irs(skeleton.compile(skeleton.oneMacroPerLayer()).program());
        assertEquals(List.of(
                "LOAD L0 b3 v288 @0",
                "MVM L0 b3 t0 x32 @0", "ADC L0 b3 t0 v128 @0", "ALU/shiftAdd L0 b3 t0 v128 @0",
                "ALU/pool L0 b3 v64 @0",
                "STORE L0 b3 v16 @0",
                "TRANSFER L0 b3 v16 @0->1"), irs.block(0, 3));
        assertEquals(List.of(
                "LOAD L0 b2 v288 @0",
                "MVM L0 b2 t0 x32 @0", "ADC L0 b2 t0 v128 @0", "ALU/shiftAdd L0 b2 t0 v128 @0",
                "STORE L0 b2 v1 @0"), irs.block(0, 2));
        // B's position (0,0) reads pool rows and columns 0-1 -> pool (1,1) -> A's block 3; (0,1) reads pool
        // columns 1-3 of rows 0-1 -> pool (1,3) -> block 3; (1,0) and (1,1) read pool row 3 -> block 7.
        assertEquals(List.of(3, 3, 7, 7), waits(irs, 0, 1, 1));
        // Only the first block of B to need an A block gets the edge; the LOAD chain carries it to the next.
        assertEquals(List.of("TRANSFER L0 b3 v16 @0->1"), loadPredecessors(irs, 1, 0, 1));
        assertEquals(List.of("LOAD L1 b0 v36 @1"), loadPredecessors(irs, 1, 1, 1));
        assertEquals(List.of("LOAD L1 b1 v36 @1", "TRANSFER L0 b7 v16 @0->1"), loadPredecessors(irs, 1, 2, 1));
        assertEquals(List.of("LOAD L1 b2 v36 @1"), loadPredecessors(irs, 1, 3, 1));
        // One TRANSFER per stored block of A, each after A's STORE and the previous TRANSFER.
        assertEquals(4, irs.count(IrKind.TRANSFER));
        assertEquals(List.of("STORE L0 b3 v16 @0", "TRANSFER L0 b1 v16 @0->1"),
                irs.predecessorLabels(transferOf(irs, 0, 3)));
    }

    @Test
    void consumerSharingTheProducersHomeWaitsForTheStoreItself() {
        DataflowSkeleton skeleton = skeleton(convPoolConv(), 8, 1);
        Irs irs = new Irs(skeleton.compile(allInMacroZero(skeleton)).program());
        assertEquals(0, irs.count(IrKind.TRANSFER));
        assertEquals(List.of("STORE L0 b3 v16 @0"), loadPredecessors(irs, 1, 0, 0));
        assertEquals(List.of("LOAD L1 b1 v36 @0", "STORE L0 b7 v16 @0"), loadPredecessors(irs, 1, 2, 0));
        assertEquals(List.of(3, 3, 7, 7), waits(irs, 0, 1, 0));
    }

    @Test
    void poolingReadsTheOwnersEarlierBlockThroughTheChainedBlockTails() {
        DataflowSkeleton skeleton = skeleton(convPoolConv(), 8, 1);
        Irs irs = new Irs(skeleton.compile(skeleton.oneMacroPerLayer()).program());
        int pool3 = irs.find(AluKind.POOL, 0, 3, NO_BIT, 0);
        assertEquals(List.of("ALU/pool L0 b1 v64 @0", "ALU/shiftAdd L0 b3 t0 v128 @0"),
                irs.predecessorLabels(pool3));
        // Pool row 1 reads A rows 2 and 3: block 2's shift-add precedes block 3's.
        assertTrue(irs.reaches(irs.find(AluKind.SHIFT_ADD, 0, 2, 0, 0), pool3));
    }

    /**
     * A basic residual block: in 1x2x4x4 -> conv1 3x3 p1 -> relu1 -> conv2 3x3 p1 -> add(conv2, relu1) -> relu2 ->
     * flatten -> fc 10. WtDup 4 for both convolutions: block b is output row b.
     */
    private static Network residual() {
        NetworkBuilder b = new NetworkBuilder("residual");
        int x = b.input("in", new Shape(1, 2, 4, 4));
        int r1 = b.relu("relu1", b.conv("conv1", x, 2, 3, 1, 1));
        int c2 = b.conv("conv2", r1, 2, 3, 1, 1);
        int sum = b.eltwise("add", LayerFunction.ADD, c2, r1);
        x = b.relu("relu2", sum);
        b.fc("fc", b.flatten("flatten", x), 10);
        return b.build();
    }

    @Test
    void residualAdditionBelongsToTheLatestProducerAndWaitsForTheShortcut() {
        Network net = residual();
        DataflowSkeleton skeleton = skeleton(net, 4, 4, 1);
        assertEquals(0, skeleton.ownerOf(net.layer("relu1").id()));
        assertEquals(1, skeleton.ownerOf(net.layer("add").id()));
        assertEquals(1, skeleton.ownerOf(net.layer("relu2").id()));
        assertEquals(1, skeleton.ownerOf(net.layer("flatten").id()));
        assertEquals(-1, skeleton.ownerOf(net.layer("in").id()));
        // relu1 leaves conv1 (read by conv2 and by the addition of another owner); relu2 leaves conv2 for fc.
        assertEquals(8, skeleton.storedElements(0, 2));
        assertEquals(8, skeleton.storedElements(1, 2));

        Irs irs = new Irs(skeleton.compile(skeleton.oneMacroPerLayer()).program());
        assertEquals(List.of(
                "LOAD L1 b2 v72 @1",
                "MVM L1 b2 t0 x16 @1", "ADC L1 b2 t0 v32 @1", "ALU/shiftAdd L1 b2 t0 v32 @1",
                "ALU/eltwise L1 b2 v8 @1", "ALU/relu L1 b2 v8 @1",
                "STORE L1 b2 v8 @1",
                "TRANSFER L1 b2 v8 @1->2"), irs.block(1, 2));
        // conv2's row b reads relu1 rows b-1..b+1; the addition's row b reads relu1 row b.
        assertEquals(List.of("LOAD L1 b1 v72 @1", "TRANSFER L0 b3 v8 @0->1"), loadPredecessors(irs, 1, 2, 1));
        assertEquals(List.of("ALU/eltwise L1 b1 v8 @1", "ALU/shiftAdd L1 b2 t0 v32 @1", "TRANSFER L0 b2 v8 @0->1"),
                irs.predecessorLabels(irs.find(AluKind.ELTWISE, 1, 2, NO_BIT, 1)));
        // One TRANSFER per conv1 block to macro 1, shared by conv2's LOADs and the addition.
        assertEquals(4, countTransfers(irs, 0));
        // fc reads everything: it waits for conv2's last block.
        assertEquals(List.of("TRANSFER L1 b3 v8 @1->2"), loadPredecessors(irs, 2, 0, 2));
    }

    /**
     * GoogLeNet-style branches: in 1x3x6x6 -> conv a 1x1 and conv b 3x3 p1 (4 channels each, WtDup 6: block =
     * row) -> concat (8 channels) -> maxpool 3x3 s1 p1 -> conv c 1x1 (WtDup 6).
     */
    private static Network inception(boolean poolAfterConcat) {
        NetworkBuilder b = new NetworkBuilder("inception");
        int x = b.input("in", new Shape(1, 3, 6, 6));
        int a = b.conv("a", x, 4, 1, 1, 0);
        int bb = b.conv("b", x, 4, 3, 1, 1);
        int cat = b.concat("cat", a, bb);
        if (poolAfterConcat) {
            cat = b.maxPool("pool", cat, 3, 1, 1);
            b.conv("c", cat, 4, 1, 1, 0);
        } else {
            b.conv("c", cat, 4, 3, 1, 1);
        }
        return b.build();
    }

    @Test
    void poolingAfterConcatenationBelongsToTheLatestBranchAndWaitsForTheOther() {
        Network net = inception(true);
        DataflowSkeleton skeleton = skeleton(net, 6, 6, 6);
        assertEquals(1, skeleton.ownerOf(net.layer("cat").id()));
        assertEquals(1, skeleton.ownerOf(net.layer("pool").id()));
        // a's rows leave it for the pooling of b; b's own rows stay, its pooled rows leave for c. Pool row r
        // reads concat rows up to r+1: it completes with b's block r+1 (rows 4 and 5 with the last block).
        int[] storedA = new int[6];
        int[] storedB = new int[6];
        for (int blk = 0; blk < 6; blk++) {
            storedA[blk] = skeleton.storedElements(0, blk);
            storedB[blk] = skeleton.storedElements(1, blk);
        }
        assertEquals(List.of(24, 24, 24, 24, 24, 24), boxed(storedA));
        assertEquals(List.of(0, 48, 48, 48, 48, 96), boxed(storedB));

        Irs irs = new Irs(skeleton.compile(skeleton.oneMacroPerLayer()).program());
        // Pooling in b's block r+1 reads a's row r+1 (concat rows up to r+1): a's block r+1.
        assertEquals(List.of("ALU/pool L1 b1 v432 @1", "ALU/shiftAdd L1 b2 t0 v96 @1", "TRANSFER L0 b2 v24 @0->1"),
                irs.predecessorLabels(irs.find(AluKind.POOL, 1, 2, NO_BIT, 1)));
        assertEquals(List.of("ALU/pool L1 b4 v432 @1", "ALU/shiftAdd L1 b5 t0 v96 @1", "TRANSFER L0 b5 v24 @0->1"),
                irs.predecessorLabels(irs.find(AluKind.POOL, 1, 5, NO_BIT, 1)));
        // No pooling in block 0: no pool row is complete yet.
        assertEquals(0, irs.block(1, 0).stream().filter(s -> s.startsWith("ALU/pool")).count());
        // c's row r reads pool row r, completed in b's block r+1; c never reads a directly.
        assertEquals(List.of(1, 2, 3, 4, 5, 5), waits(irs, 1, 2, 2));
        assertEquals(List.of("TRANSFER L1 b1 v48 @1->2"), loadPredecessors(irs, 2, 0, 2));
        assertEquals(List.of("LOAD L2 b4 v48 @2"), loadPredecessors(irs, 2, 5, 2));
        assertEquals(0, countTransfers(irs, 0, 2));
    }

    @Test
    void convolutionOverAConcatenationWaitsForEachProvider() {
        Network net = inception(false);
        DataflowSkeleton skeleton = skeleton(net, 6, 6, 6);
        Irs irs = new Irs(skeleton.compile(skeleton.oneMacroPerLayer()).program());
        // c's row 2 reads concat rows 1-3: rows of a and of b, each stored by its own layer.
        assertEquals(List.of("LOAD L2 b1 v432 @2", "TRANSFER L0 b3 v24 @0->2", "TRANSFER L1 b3 v24 @1->2"),
                loadPredecessors(irs, 2, 2, 2));
        assertEquals(List.of("TRANSFER L0 b1 v24 @0->2", "TRANSFER L1 b1 v24 @1->2"), loadPredecessors(irs, 2, 0, 2));
    }

    @Test
    void poolingRightAfterTheInputRunsBeforeTheFirstConsumersLoads() {
        NetworkBuilder b = new NetworkBuilder("leading");
        int x = b.input("in", new Shape(1, 2, 8, 8));
        int pool = b.maxPool("pool", x, 2, 2, 0);
        b.conv("c", pool, 2, 3, 1, 1);
        Network net = b.build();
        DataflowSkeleton skeleton = skeleton(net, 4);
        assertEquals(0, skeleton.ownerOf(pool));
        Irs irs = new Irs(skeleton.compile(skeleton.oneMacroPerLayer()).program());
        // The conv's row r reads pool rows up to r+1: the pooling computes rows 0-1, then 2, then 3, then none;
        // each row is 4 positions x 2 channels x 4 taps.
        assertEquals(List.of(
                "ALU/pool L0 b0 v64 @0",
                "LOAD L0 b0 v72 @0",
                "MVM L0 b0 t0 x16 @0", "ADC L0 b0 t0 v32 @0", "ALU/shiftAdd L0 b0 t0 v32 @0",
                "STORE L0 b0 v8 @0"), irs.block(0, 0));
        assertEquals("ALU/pool L0 b2 v32 @0", irs.block(0, 2).get(0));
        assertFalse(irs.block(0, 3).get(0).startsWith("ALU/pool"));
        assertEquals(List.of("ALU/pool L0 b1 v32 @0", "LOAD L0 b0 v72 @0"),
                irs.predecessorLabels(irs.find(IrKind.LOAD, 0, 1, NO_BIT, 0)));
        assertEquals(List.of("ALU/pool L0 b0 v64 @0"), irs.predecessorLabels(irs.find(AluKind.POOL, 0, 1, NO_BIT, 0)));
        DataflowWorkload w = skeleton.compile(skeleton.oneMacroPerLayer()).workload();
        assertEquals(16 * 2 * 4, w.aluElements(0, AluKind.POOL));
    }

    @Test
    void leadingLayerReadByALaterConsumerIsSentFromItsOwnersHome() {
        NetworkBuilder b = new NetworkBuilder("shared-lead");
        int x = b.input("in", new Shape(1, 2, 4, 4));
        int act = b.activation("sig", x, LayerFunction.SIGMOID);
        int c1 = b.conv("c1", act, 2, 1, 1, 0);
        b.eltwise("sum", LayerFunction.ADD, b.conv("c2", c1, 2, 1, 1, 0), act);
        Network net = b.build();
        // Both convolutions WtDup 4 (block = row). The sigmoid belongs to c1, its first consumer.
        DataflowSkeleton skeleton = skeleton(net, 4, 4);
        assertEquals(0, skeleton.ownerOf(act));
        Irs irs = new Irs(skeleton.compile(skeleton.oneMacroPerLayer()).program());
        // c1's block r computes sigmoid row r (4 positions x 2 channels) and sends it to c2's home for the sum.
        assertEquals(List.of("ALU/sigmoid L0 b1 v8 @0", "TRANSFER L0 b1 v8 @0->1", "LOAD L0 b1 v8 @0"),
                irs.block(0, 1).subList(0, 3));
        assertEquals(List.of("ALU/eltwise L1 b0 v8 @1", "ALU/shiftAdd L1 b1 t0 v32 @1", "TRANSFER L0 b1 v8 @0->1"),
                irs.predecessorLabels(irs.find(AluKind.ELTWISE, 1, 1, NO_BIT, 1)));
    }

    /** Per block of the consumer, the latest producer block its LOAD waits for, directly or not. */
    private static List<Integer> waits(Irs irs, int producer, int consumer, int consumerHome) {
        List<Integer> blocks = new ArrayList<>();
        for (int i = 0; i < irs.program().size(); i++) {
            if (irs.program().kind(i) == IrKind.LOAD && irs.program().layer(i) == consumer) {
                blocks.add(irs.latestStoreReaching(producer, i));
                assertEquals(consumerHome, irs.program().macro(i));
            }
        }
        return blocks;
    }

    private static List<String> loadPredecessors(Irs irs, int layer, int block, int macro) {
        return irs.predecessorLabels(irs.find(IrKind.LOAD, layer, block, NO_BIT, macro));
    }

    private static int transferOf(Irs irs, int layer, int block) {
        for (int i = 0; i < irs.program().size(); i++) {
            if (irs.program().kind(i) == IrKind.TRANSFER && irs.program().layer(i) == layer
                    && irs.program().block(i) == block) {
                return i;
            }
        }
        throw new AssertionError("no TRANSFER of layer " + layer + " block " + block);
    }

    private static int countTransfers(Irs irs, int layer) {
        int n = 0;
        for (int i = 0; i < irs.program().size(); i++) {
            n += irs.program().kind(i) == IrKind.TRANSFER && irs.program().layer(i) == layer ? 1 : 0;
        }
        return n;
    }

    private static int countTransfers(Irs irs, int layer, int dst) {
        int n = 0;
        for (int i = 0; i < irs.program().size(); i++) {
            n += irs.program().kind(i) == IrKind.TRANSFER && irs.program().layer(i) == layer
                    && irs.program().dstMacro(i) == dst ? 1 : 0;
        }
        return n;
    }

    private static List<Integer> boxed(int[] values) {
        List<Integer> list = new ArrayList<>();
        for (int v : values) {
            list.add(v);
        }
        return list;
    }
}
