package org.pimsyn.sim.trace;

import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.ir.IrProgramBuilder;

/** Small designs and programs for the trace tests; cycle counts from {@link TestDesigns#library()}. */
final class TraceDesigns {
    private TraceDesigns() {
    }

    /** A design with a program to run on it. */
    record Case(Accelerator accelerator, IrProgram program, int images) {
    }

    /**
     * The engine test's single chain, 1 GHz: LOAD 0..4 (m0.scratchpad), MVM 4..16 (m0.crossbar.L0), ADC 16..48 (m0.adc),
     * ALU shift-add 48..64 (m0.alu.shiftAdd), STORE 64..72 (m0.scratchpad). Resources 0 crossbar, 1 adc, 2 alu, 3 scratchpad.
     */
    static Case singleChain() {
        return new Case(TestDesigns.singleChainDesign(), TestDesigns.singleChainProgram(), 1);
    }

    /** Two scratchpad ports (resource 0), three LOADs: 0..4 and 0..8 side by side, the third 4..6 on the freed port. */
    static Case poolOfTwoPorts() {
        Accelerator acc = TestDesigns.design(1, 1, 1).macro(0, 0).serves(0).scratchpad(256, 2).add().build();
        IrProgramBuilder b = new IrProgramBuilder();
        b.addLoad(0, 0, 64, 0);
        b.addLoad(0, 1, 128, 0);
        b.addLoad(0, 2, 32, 0);
        return new Case(acc, b.build(), 1);
    }

    /**
     * Two layers sharing one ADC bank (resource 2, after the crossbar sets 0 and 1): both MVMs 0..12, then layer 0's
     * ADC 12..22 while layer 1's waits in the queue from 12 to 22 and runs 22..32.
     */
    static Case sharedAdcBank() {
        Accelerator acc = TestDesigns.design(1, 1, 2)
                .macro(0, 0).serves(0, 1).crossbars(0, 2).crossbars(1, 2).adcs(4).add().build();
        IrProgramBuilder b = new IrProgramBuilder();
        int mvm0 = b.addMvm(0, 0, 0, 2, 0);
        int adc0 = b.addAdc(0, 0, 0, 40, 0);
        int mvm1 = b.addMvm(1, 0, 0, 2, 0);
        int adc1 = b.addAdc(1, 0, 0, 40, 0);
        b.addEdge(mvm0, adc0);
        b.addEdge(mvm1, adc1);
        return new Case(acc, b.build(), 1);
    }

    /**
     * Golden case 1: a 2-layer chain on one macro at 1 GHz, two images. Per layer: LOAD, two bit slices of MVM and
     * ADC, shift-add, ReLU, STORE; the layers share the ADC bank, and the scratchpad has two ports.
     */
    static Case twoLayerChain() {
        Accelerator acc = TestDesigns.design(1, 1, 2)
                .macro(0, 0).serves(0, 1).crossbars(0, 2).crossbars(1, 2).adcs(4)
                .alu(AluKind.SHIFT_ADD, 1, 32).alu(AluKind.RELU, 1, 32).scratchpad(256, 2).add().build();
        IrProgramBuilder b = new IrProgramBuilder();
        int previousStore = -1;
        for (int layer = 0; layer < 2; layer++) {
            int load = b.addLoad(layer, 0, 64, 0);
            if (previousStore >= 0) {
                b.addEdge(previousStore, load);
            }
            int shiftAdd = b.addAlu(AluKind.SHIFT_ADD, layer, 0, IrProgram.NO_BIT, 32, 0);
            for (int bit = 0; bit < 2; bit++) {
                int mvm = b.addMvm(layer, 0, bit, 2, 0);
                int adc = b.addAdc(layer, 0, bit, 32, 0);
                b.addEdge(load, mvm);
                b.addEdge(mvm, adc);
                b.addEdge(adc, shiftAdd);
            }
            int relu = b.addAlu(AluKind.RELU, layer, 0, IrProgram.NO_BIT, 32, 0);
            int store = b.addStore(layer, 0, 64, 0);
            b.addEdge(shiftAdd, relu);
            b.addEdge(relu, store);
            previousStore = store;
        }
        return new Case(acc, b.build(), 2);
    }

    /**
     * Golden case 2: two layers over two macros side by side at 1.2 GHz (a cycle is 833.3 ps), two images. Layer 0
     * runs on m0; its output goes to m1 by TRANSFER and stays on m0; layer 1 spans both macros (m0 shares its ADC
     * bank between the layers) and its partial sums are gathered on m1 by a MERGE.
     */
    static Case twoMacrosWithTransfer() {
        Accelerator acc = TestDesigns.design(1, 2, 2).clock(1.2)
                .macro(0, 0).serves(0, 1).crossbars(0, 2).crossbars(1, 1).adcs(4).alu(AluKind.RELU, 1, 32).add()
                .macro(0, 1).serves(1).crossbars(1, 1).adcs(4).alu(AluKind.ADD, 1, 32).add().build();
        IrProgramBuilder b = new IrProgramBuilder();
        int load = b.addLoad(0, 0, 64, 0);
        int mvm0 = b.addMvm(0, 0, 0, 2, 0);
        int adc0 = b.addAdc(0, 0, 0, 32, 0);
        int relu = b.addAlu(AluKind.RELU, 0, 0, IrProgram.NO_BIT, 32, 0);
        int transfer = b.addTransfer(0, 0, 32, 0, 1);
        b.addEdge(load, mvm0);
        b.addEdge(mvm0, adc0);
        b.addEdge(adc0, relu);
        b.addEdge(relu, transfer);
        int mvmOn0 = b.addMvm(1, 0, 0, 1, 0);
        int adcOn0 = b.addAdc(1, 0, 0, 32, 0);
        int mvmOn1 = b.addMvm(1, 0, 0, 1, 1);
        int adcOn1 = b.addAdc(1, 0, 0, 32, 1);
        int merge = b.addMerge(1, 0, 32, 1, 0, 1);
        int add = b.addAlu(AluKind.ADD, 1, 0, IrProgram.NO_BIT, 32, 1);
        int store = b.addStore(1, 0, 32, 1);
        b.addEdge(relu, mvmOn0);
        b.addEdge(mvmOn0, adcOn0);
        b.addEdge(transfer, mvmOn1);
        b.addEdge(mvmOn1, adcOn1);
        b.addEdge(adcOn0, merge);
        b.addEdge(adcOn1, merge);
        b.addEdge(merge, add);
        b.addEdge(add, store);
        return new Case(acc, b.build(), 2);
    }
}
