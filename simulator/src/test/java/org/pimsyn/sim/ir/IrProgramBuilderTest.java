package org.pimsyn.sim.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pimsyn.sim.InvalidSimulationInputException;

class IrProgramBuilderTest {

    @Test
    void idsFollowCallOrderAndEveryFieldReadsBack() {
        IrProgramBuilder b = new IrProgramBuilder();
        assertEquals(0, b.addLoad(1, 2, 64, 3));
        assertEquals(1, b.addMvm(1, 2, 5, 12, 3));
        assertEquals(2, b.addAdc(1, 2, 5, 256, 3));
        assertEquals(3, b.addAlu(AluKind.SHIFT_ADD, 1, 2, 5, 256, 3));
        assertEquals(4, b.addStore(1, 2, 96, 3));
        assertEquals(5, b.addTransfer(1, 2, 96, 3, 7));
        assertEquals(6, b.addMerge(1, 2, 96, 7, 9, 3, 7));
        IrProgram p = b.build();

        assertEquals(7, p.size());
        assertEquals(IrKind.LOAD, p.kind(0));
        assertEquals(IrProgram.NO_BIT, p.bit(0));
        assertEquals(64, p.vecWidth(0));
        assertEquals(IrKind.MVM, p.kind(1));
        assertEquals(5, p.bit(1));
        assertEquals(12, p.xbNum(1));
        assertEquals(256, p.vecWidth(2));
        assertEquals(AluKind.SHIFT_ADD, p.aluKind(3));
        assertNull(p.aluKind(2));
        assertEquals(1, p.layer(4));
        assertEquals(2, p.block(4));
        assertEquals(3, p.macro(4));
        assertEquals(3, p.srcMacro(5));
        assertEquals(7, p.dstMacro(5));
        assertEquals(7, p.dstMacro(6));
        assertEquals(3, p.mergeSourceCount(6));
        assertArrayEquals(new int[] {3, 7, 9}, p.mergeSources(6));
        assertEquals(2, p.layerCount());
        assertEquals(10, p.macroCount());
        assertEquals("IR 6 (MERGE layer 1 block 2 from macros [3, 7, 9] to macro 7)", p.describe(6));
        assertEquals("IR 3 (ALU shiftAdd layer 1 block 2 bit 5 on macro 3)", p.describe(3));
    }

    @Test
    void mergesWithTheSameSourcesShareOneStoredSet() {
        IrProgramBuilder b = new IrProgramBuilder();
        int a = b.addMerge(0, 0, 8, 0, 1, 2);
        int c = b.addMerge(0, 1, 8, 1, 2, 1);
        int d = b.addMerge(0, 2, 8, 1, 1, 3);
        IrProgram p = b.build();
        assertEquals(p.mergeSet(a), p.mergeSet(c));
        assertTrue(p.mergeSet(a) != p.mergeSet(d));
        assertEquals(2, p.mergeSetCount());
    }

    @Test
    void successorsKeepEdgeInsertionOrder() {
        IrProgramBuilder b = new IrProgramBuilder();
        for (int i = 0; i < 4; i++) {
            b.addLoad(0, i, 1, 0);
        }
        b.addEdge(0, 3);
        b.addEdge(2, 3);
        b.addEdge(0, 1);
        b.addEdge(0, 2);
        IrProgram p = b.build();
        assertArrayEquals(new int[] {3, 1, 2}, p.successors(0));
        assertArrayEquals(new int[] {}, p.successors(1));
        assertArrayEquals(new int[] {3}, p.successors(2));
        assertEquals(4, p.edgeCount());
    }

    @Test
    void aCycleIsReportedWithTheIdsOnIt() {
        IrProgramBuilder b = new IrProgramBuilder();
        for (int i = 0; i < 5; i++) {
            b.addLoad(0, 0, 1, 0);
        }
        b.addEdge(4, 0);
        b.addEdge(0, 1);
        b.addEdge(1, 2);
        b.addEdge(2, 0);
        b.addEdge(2, 3);
        InvalidSimulationInputException e = assertThrows(InvalidSimulationInputException.class, b::build);
        assertEquals("IR program has a dependency cycle: 1 -> 2 -> 0 -> 1 (4 IRs cannot run)", e.getMessage());
    }

    @Test
    void aSelfLoopIsACycle() {
        IrProgramBuilder b = new IrProgramBuilder();
        b.addLoad(0, 0, 1, 0);
        b.addLoad(0, 0, 1, 0);
        b.addEdge(1, 1);
        InvalidSimulationInputException e = assertThrows(InvalidSimulationInputException.class, b::build);
        assertEquals("IR program has a dependency cycle: 1 -> 1 (1 IRs cannot run)", e.getMessage());
    }

    @Test
    void badArgumentsNameTheIrAndTheField() {
        IrProgramBuilder b = new IrProgramBuilder();
        b.addLoad(0, 0, 1, 0);
        assertEquals("ADC IR 1: vec_width must be >= 1, got 0",
                assertThrows(InvalidSimulationInputException.class, () -> b.addAdc(0, 0, 0, 0, 0)).getMessage());
        assertEquals("MVM IR 1: layer must be >= 0, got -2",
                assertThrows(InvalidSimulationInputException.class, () -> b.addMvm(-2, 0, 0, 1, 0)).getMessage());
        assertEquals("edge 0 -> 4: no IR 4 (ids are 0..0)",
                assertThrows(InvalidSimulationInputException.class, () -> b.addEdge(0, 4)).getMessage());
        assertEquals("MERGE IR 1: source macro 2 is listed twice",
                assertThrows(InvalidSimulationInputException.class, () -> b.addMerge(0, 0, 1, 0, 2, 1, 2))
                        .getMessage());
        assertEquals(1, b.size(), "rejected IRs are not added");
    }

    @Test
    void rankFollowsLayerThenBlockThenId() {
        IrProgramBuilder inOrder = new IrProgramBuilder();
        inOrder.addLoad(0, 0, 1, 0);
        inOrder.addLoad(0, 1, 1, 0);
        inOrder.addLoad(1, 0, 1, 0);
        IrProgram sorted = inOrder.build();
        for (int i = 0; i < 3; i++) {
            assertEquals(i, sorted.rank(i));
        }

        IrProgramBuilder b = new IrProgramBuilder();
        b.addLoad(1, 0, 1, 0); // 0
        b.addLoad(0, 3, 1, 0); // 1
        b.addLoad(0, 1, 1, 0); // 2
        b.addLoad(1, 0, 1, 0); // 3
        b.addLoad(0, 1, 1, 0); // 4
        IrProgram p = b.build();
        int[] expectedOrder = {2, 4, 1, 0, 3};
        for (int rank = 0; rank < 5; rank++) {
            assertEquals(expectedOrder[rank], p.nodeAtRank(rank));
            assertEquals(rank, p.rank(expectedOrder[rank]));
        }
    }

    @Test
    void aChainProgramStaysFarBelowSixtyFourBytesPerNode() {
        IrProgramBuilder b = new IrProgramBuilder(30_000);
        int previous = -1;
        for (int block = 0; block < 10_000; block++) {
            int load = b.addLoad(0, block, 64, 0);
            int mvm = b.addMvm(0, block, 0, 4, 0);
            int adc = b.addAdc(0, block, 0, 128, 0);
            b.addEdge(load, mvm);
            b.addEdge(mvm, adc);
            if (previous >= 0) {
                b.addEdge(previous, mvm);
            }
            previous = mvm;
        }
        IrProgram p = b.build();
        double bytesPerNode = p.retainedBytes() / (double) p.size();
        assertTrue(bytesPerNode < 40, "bytes per node: " + bytesPerNode);
    }
}
