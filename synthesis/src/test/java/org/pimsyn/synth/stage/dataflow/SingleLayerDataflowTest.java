package org.pimsyn.synth.stage.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Shape;

/**
 * One 3x3 padded convolution, 4 input channels and 8 output channels over a 4x4 map: 16 output positions, 36
 * weight rows. With 256x256 crossbars, 2-bit cells and 8-bit weights a copy is 4 crossbars (one per weight
 * slice) and yields 8 columns x 4 slices = 32 conversions per input bit slice; 4-bit activations and a 2-bit DAC
 * make 2 bit iterations.
 */
class SingleLayerDataflowTest {
    private static Network oneConvolution() {
        NetworkBuilder b = new NetworkBuilder("one-conv");
        int in = b.input("in", new Shape(1, 4, 4, 4));
        b.conv("c", in, 8, 3, 1, 1);
        return b.build();
    }

    private static DataflowSkeleton skeleton(int wtDup, int xbSize, int weightBits) {
        return DataflowSkeleton.of(new DataflowSpec(oneConvolution(), new int[] {wtDup}, 2, xbSize, 2, weightBits, 4));
    }

    @Test
    void oneConvolutionInOneMacroHasEightIrsPerBlockInFigureFourOrder() {
        // WtDup 4: blocks of 4 positions (one output row each), 16 crossbars.
        DataflowSkeleton skeleton = skeleton(4, 256, 8);
        assertEquals(4, skeleton.blocks(0));
        assertEquals(16, skeleton.crossbarsOf(0));
        Irs irs = new Irs(skeleton.compile(Placement.oneMacroPerLayer(16)).program());
        IrProgram p = irs.program();

        // LOAD 4 positions x 36 inputs; MVM all 16 crossbars; ADC 4 copies x 32; STORE 4 positions x 8 channels.
        assertEquals(List.of(
                "LOAD L0 b0 v144 @0",
                "MVM L0 b0 t0 x16 @0", "ADC L0 b0 t0 v128 @0", "ALU/shiftAdd L0 b0 t0 v128 @0",
                "MVM L0 b0 t1 x16 @0", "ADC L0 b0 t1 v128 @0", "ALU/shiftAdd L0 b0 t1 v128 @0",
                "STORE L0 b0 v32 @0"), irs.block(0, 0));
        assertEquals(4 * 8, p.size());
        // 8 edges inside each block, 4 between consecutive blocks (LOAD, MVM, shift-add tail, STORE).
        assertEquals(4 * 8 + 3 * 4, p.edgeCount());
        assertEquals(List.of("LOAD L0 b1 v144 @0", "MVM L0 b0 t1 x16 @0"),
                irs.predecessorLabels(irs.find(IrKind.MVM, 0, 1, 0, 0)));
        assertEquals(List.of("MVM L0 b1 t1 x16 @0"), irs.predecessorLabels(irs.find(IrKind.ADC, 0, 1, 1, 0)));
        assertEquals(List.of("ADC L0 b1 t1 v128 @0", "ALU/shiftAdd L0 b0 t1 v128 @0",
                "ALU/shiftAdd L0 b1 t0 v128 @0"), irs.predecessorLabels(irs.find(AluKind.SHIFT_ADD, 0, 1, 1, 0)));
        assertEquals(List.of("ALU/shiftAdd L0 b1 t1 v128 @0", "STORE L0 b0 v32 @0"),
                irs.predecessorLabels(irs.find(IrKind.STORE, 0, 1, IrProgram.NO_BIT, 0)));
        assertEquals(List.of("LOAD L0 b0 v144 @0"), irs.predecessorLabels(irs.find(IrKind.LOAD, 0, 1,
                IrProgram.NO_BIT, 0)));
    }

    @Test
    void oneConvolutionWorkloadCountsEveryBlock() {
        DataflowSkeleton skeleton = skeleton(4, 256, 8);
        DataflowWorkload w = skeleton.compile(Placement.oneMacroPerLayer(16)).workload();
        assertEquals(16 * 32 * 2, w.adcConversions(0));
        assertEquals(16 * 32 * 2, w.aluElements(0, AluKind.SHIFT_ADD));
        assertEquals(0, w.aluElements(0, AluKind.ADD));
        assertEquals(4 * 2 * 16, w.crossbarActivations(0));
        assertEquals(16 * 36 * 4, w.loadedBits(0));
        assertEquals(16 * 8 * 4, w.storedBits(0));
        assertEquals(0, w.transferredBits(0));
        assertEquals(0, w.mergedBits(0));
    }

    @Test
    void convolutionOverTwoMacrosTransfersInputsAndMergesPartialOutputs() {
        // Crossbars 0..9 (copies 0 and 1, slices 0-1 of copy 2) in macro 3, 10..15 in macro 5.
        DataflowSkeleton skeleton = skeleton(4, 256, 8);
        Placement placement = new Placement(List.of(new LayerPlacement(new int[] {3, 5}, new int[] {10, 6})));
        CompiledDataflow compiled = skeleton.compile(placement);
        Irs irs = new Irs(compiled.program());
        // Macro 5 touches copies 2 and 3: 2 x 36 inputs, 2 x 8 partial outputs, 6 crossbars x 8 columns.
        assertEquals(List.of(
                "LOAD L0 b0 v144 @3",
                "TRANSFER L0 b0 v72 @3->5",
                "LOAD L0 b0 v72 @5",
                "MVM L0 b0 t0 x10 @3", "ADC L0 b0 t0 v80 @3", "ALU/shiftAdd L0 b0 t0 v80 @3",
                "MVM L0 b0 t0 x6 @5", "ADC L0 b0 t0 v48 @5", "ALU/shiftAdd L0 b0 t0 v48 @5",
                "MVM L0 b0 t1 x10 @3", "ADC L0 b0 t1 v80 @3", "ALU/shiftAdd L0 b0 t1 v80 @3",
                "MVM L0 b0 t1 x6 @5", "ADC L0 b0 t1 v48 @5", "ALU/shiftAdd L0 b0 t1 v48 @5",
                "MERGE L0 b0 v16 [3, 5]->3",
                "LOAD L0 b0 v16 @3",
                "STORE L0 b0 v32 @3"), irs.block(0, 0));
        // Macro 5 reads its share out of its own scratchpad; the home reads the merged partial sums out of its own.
        assertEquals(List.of("TRANSFER L0 b0 v72 @3->5"), irs.predecessorLabels(irs.find(IrKind.LOAD, 0, 0,
                IrProgram.NO_BIT, 5)));
        assertEquals(List.of("LOAD L0 b0 v72 @5"), irs.predecessorLabels(irs.find(IrKind.MVM, 0, 0, 0, 5)));
        assertEquals(List.of("LOAD L0 b0 v144 @3"), irs.predecessorLabels(irs.find(IrKind.MVM, 0, 0, 0, 3)));
        int merge = irs.find(IrKind.MERGE, 0, 1, IrProgram.NO_BIT, 3);
        assertEquals(List.of("ALU/shiftAdd L0 b1 t1 v48 @5", "ALU/shiftAdd L0 b1 t1 v80 @3"),
                irs.predecessorLabels(merge));
        assertEquals(List.of("LOAD L0 b0 v16 @3", "MERGE L0 b1 v16 [3, 5]->3"),
                irs.predecessorLabels(irs.find("LOAD L0 b1 v16 @3")));
        assertEquals(2, compiled.program().mergeSourceCount(merge));
        DataflowWorkload w = compiled.workload();
        assertEquals(4 * 72 * 4, w.transferredBits(0));
        assertEquals(4 * 16 * 4, w.mergedBits(0));
        assertEquals(16 * 32 * 2, w.adcConversions(0));
        // One block at home: 144 inputs + 16 merged partial sums + 32 outputs; macro 5 its 72-input share.
        assertEquals(144 + 16 + 32, compiled.blockFootprintElements(3));
        assertEquals(72, compiled.blockFootprintElements(5));
        assertEquals(0, compiled.blockFootprintElements(4));
    }

    @Test
    void partialLastBlockUsesOnlyTheMacrosHoldingItsActiveCopies() {
        // WtDup 3: blocks 0-4 hold 3 positions, block 5 one. Macro 0 holds copies 0-1, macro 1 copy 2.
        DataflowSkeleton skeleton = skeleton(3, 256, 8);
        assertEquals(6, skeleton.blocks(0));
        assertEquals(1, skeleton.activeCopies(0, 5));
        Placement placement = new Placement(List.of(new LayerPlacement(new int[] {0, 1}, new int[] {8, 4})));
        CompiledDataflow compiled = skeleton.compile(placement);
        // The largest block (3 copies) sets the footprint: 108 + 8 + 24 at home, a 36-input share on macro 1.
        assertEquals(108 + 8 + 24, compiled.blockFootprintElements(0));
        assertEquals(36, compiled.blockFootprintElements(1));
        Irs irs = new Irs(compiled.program());
        assertEquals(List.of(
                "LOAD L0 b4 v108 @0",
                "TRANSFER L0 b4 v36 @0->1",
                "LOAD L0 b4 v36 @1",
                "MVM L0 b4 t0 x8 @0", "ADC L0 b4 t0 v64 @0", "ALU/shiftAdd L0 b4 t0 v64 @0",
                "MVM L0 b4 t0 x4 @1", "ADC L0 b4 t0 v32 @1", "ALU/shiftAdd L0 b4 t0 v32 @1",
                "MVM L0 b4 t1 x8 @0", "ADC L0 b4 t1 v64 @0", "ALU/shiftAdd L0 b4 t1 v64 @0",
                "MVM L0 b4 t1 x4 @1", "ADC L0 b4 t1 v32 @1", "ALU/shiftAdd L0 b4 t1 v32 @1",
                "MERGE L0 b4 v8 [0, 1]->0",
                "LOAD L0 b4 v8 @0",
                "STORE L0 b4 v24 @0"), irs.block(0, 4));
        assertEquals(List.of(
                "LOAD L0 b5 v36 @0",
                "MVM L0 b5 t0 x4 @0", "ADC L0 b5 t0 v32 @0", "ALU/shiftAdd L0 b5 t0 v32 @0",
                "MVM L0 b5 t1 x4 @0", "ADC L0 b5 t1 v32 @0", "ALU/shiftAdd L0 b5 t1 v32 @0",
                "STORE L0 b5 v8 @0"), irs.block(0, 5));
    }

    @Test
    void rowTilesAreAddedAtHomeAfterTheMerge() {
        // 16x16 crossbars: 36 rows make row tiles of 16, 16 and 4; 2-bit weights in 2-bit cells are one slice.
        // A copy is 3 crossbars with 3 x 8 = 24 conversions.
        DataflowSkeleton skeleton = skeleton(4, 16, 2);
        assertEquals(3, skeleton.crossbarSet(0).rowTiles());
        Irs one = new Irs(skeleton.compile(Placement.oneMacroPerLayer(12)).program());
        // ADD: 4 positions x 8 channels x (3 - 1) row-tile partial sums.
        assertEquals(List.of(
                "LOAD L0 b0 v144 @0",
                "MVM L0 b0 t0 x12 @0", "ADC L0 b0 t0 v96 @0", "ALU/shiftAdd L0 b0 t0 v96 @0",
                "MVM L0 b0 t1 x12 @0", "ADC L0 b0 t1 v96 @0", "ALU/shiftAdd L0 b0 t1 v96 @0",
                "ALU/add L0 b0 v64 @0",
                "STORE L0 b0 v32 @0"), one.block(0, 0));
        assertEquals(List.of("ALU/add L0 b0 v64 @0", "ALU/shiftAdd L0 b1 t1 v96 @0"),
                one.predecessorLabels(one.find(AluKind.ADD, 0, 1, IrProgram.NO_BIT, 0)));

        // Macro 0 holds row tiles 0 and 1 of copy 0 (16 + 16 rows, 2 x 8 partial sums); macro 1 row tile 2 of
        // copy 0 (4 rows) and copies 1-3 (3 x 36 rows), 10 tiles of 8 partial sums.
        Placement split = new Placement(List.of(new LayerPlacement(new int[] {0, 1}, new int[] {2, 10})));
        Irs two = new Irs(skeleton.compile(split).program());
        assertEquals(List.of(
                "LOAD L0 b0 v144 @0",
                "TRANSFER L0 b0 v112 @0->1",
                "LOAD L0 b0 v112 @1",
                "MVM L0 b0 t0 x2 @0", "ADC L0 b0 t0 v16 @0", "ALU/shiftAdd L0 b0 t0 v16 @0",
                "MVM L0 b0 t0 x10 @1", "ADC L0 b0 t0 v80 @1", "ALU/shiftAdd L0 b0 t0 v80 @1",
                "MVM L0 b0 t1 x2 @0", "ADC L0 b0 t1 v16 @0", "ALU/shiftAdd L0 b0 t1 v16 @0",
                "MVM L0 b0 t1 x10 @1", "ADC L0 b0 t1 v80 @1", "ALU/shiftAdd L0 b0 t1 v80 @1",
                "MERGE L0 b0 v80 [0, 1]->0",
                "LOAD L0 b0 v80 @0",
                "ALU/add L0 b0 v64 @0",
                "STORE L0 b0 v32 @0"), two.block(0, 0));
        assertEquals(List.of("ALU/add L0 b0 v64 @0", "LOAD L0 b1 v80 @0"),
                two.predecessorLabels(two.find(AluKind.ADD, 0, 1, IrProgram.NO_BIT, 0)));
    }

    @Test
    void partialColumnTileConvertsOnlyItsColumns() {
        NetworkBuilder b = new NetworkBuilder("wide");
        int in = b.input("in", new Shape(1, 2, 2, 2));
        b.conv("c", in, 20, 1, 1, 0);
        // 16x16 crossbars: 20 columns are tiles of 16 and 4; one slice. Copy = 2 crossbars, 20 conversions.
        DataflowSkeleton skeleton = DataflowSkeleton.of(new DataflowSpec(b.build(), new int[] {2}, 1, 16, 2, 2, 1));
        Placement split = new Placement(List.of(new LayerPlacement(new int[] {0, 1, 2}, new int[] {1, 2, 1})));
        Irs irs = new Irs(skeleton.compile(split).program());
        // Macro 0: tile of 16 of copy 0; macro 1: tile of 4 of copy 0 and tile of 16 of copy 1; macro 2: tile of 4.
        assertEquals(List.of(
                "LOAD L0 b0 v4 @0",
                "TRANSFER L0 b0 v4 @0->1", "LOAD L0 b0 v4 @1", "TRANSFER L0 b0 v2 @0->2", "LOAD L0 b0 v2 @2",
                "MVM L0 b0 t0 x1 @0", "ADC L0 b0 t0 v16 @0", "ALU/shiftAdd L0 b0 t0 v16 @0",
                "MVM L0 b0 t0 x2 @1", "ADC L0 b0 t0 v20 @1", "ALU/shiftAdd L0 b0 t0 v20 @1",
                "MVM L0 b0 t0 x1 @2", "ADC L0 b0 t0 v4 @2", "ALU/shiftAdd L0 b0 t0 v4 @2",
                "MERGE L0 b0 v12 [0, 1, 2]->0",
                "LOAD L0 b0 v24 @0",
                "STORE L0 b0 v40 @0"), irs.block(0, 0));
    }
}
