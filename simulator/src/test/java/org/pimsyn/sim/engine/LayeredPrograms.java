package org.pimsyn.sim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.ir.IrProgramBuilder;

/**
 * Seeded random programs of the shape the dataflow compiler emits, on designs that hold them. Per layer and block:
 * a LOAD on the layer's home macro (after the block before's, and after the blocks of the layer before it reads),
 * a TRANSFER of each other macro's share and a LOAD of it there; per bit slice and macro an MVM (after the one
 * before on its crossbars), its ADC and a shift-add (after the slice before's); a MERGE of the macros' partial sums
 * and a LOAD of them at home where the layer spans two macros; an ADD of row tiles and ReLUs (each after its own of
 * the block before); a STORE (after the block before's), and a TRANSFER of it to the next layer's home.
 */
final class LayeredPrograms {
    private LayeredPrograms() {
    }

    record Case(Accelerator design, IrProgram program) {
    }

    static Case generate(SplittableRandom rnd) {
        int layers = 1 + rnd.nextInt(3);
        int macroCount = 1 + rnd.nextInt(4);
        int[][] placed = new int[layers][];
        List<List<Integer>> served = new ArrayList<>();
        for (int m = 0; m < macroCount; m++) {
            served.add(new ArrayList<>());
        }
        for (int k = 0; k < layers; k++) {
            int home = rnd.nextInt(macroCount);
            boolean two = macroCount > 1 && rnd.nextInt(3) == 0;
            int other = two ? (home + 1 + rnd.nextInt(macroCount - 1)) % macroCount : -1;
            placed[k] = two ? new int[] {home, other} : new int[] {home};
            for (int m : placed[k]) {
                served.get(m).add(k);
            }
        }
        TestDesigns.DesignBuilder d = TestDesigns.design(2, 2, layers);
        for (int m = 0; m < macroCount; m++) {
            TestDesigns.MacroBuilder macro = d.macro(m / 2, m % 2);
            if (served.get(m).isEmpty()) {
                macro.serves(0);
            }
            for (int k : served.get(m)) {
                macro.serves(k).crossbars(k, 2);
            }
            macro.adcs(1 + rnd.nextInt(3)).alu(AluKind.SHIFT_ADD, 1, 32).alu(AluKind.ADD, 1, 32)
                    .alu(AluKind.RELU, 1 + rnd.nextInt(2), 32).scratchpad(256, 1 + rnd.nextInt(2)).add();
        }
        Accelerator acc = d.build();

        IrProgramBuilder b = new IrProgramBuilder();
        int[] delivered = null;
        int blocksBefore = 0;
        for (int k = 0; k < layers; k++) {
            int[] macros = placed[k];
            int home = macros[0];
            int blocks = 1 + rnd.nextInt(5);
            int bits = 1 + rnd.nextInt(3);
            int followers = rnd.nextInt(3);
            boolean add = rnd.nextInt(3) == 0;
            int nextHome = k + 1 < layers ? placed[k + 1][0] : home;
            int loadWidth = 16 + rnd.nextInt(64);
            int conversions = 8 + rnd.nextInt(64);
            int[] ours = new int[blocks];
            int prevLoad = -1;
            int prevTail = -1;
            int prevStore = -1;
            int prevSend = -1;
            int[] prevOp = new int[followers];
            java.util.Arrays.fill(prevOp, -1);
            int[] prevMvm = new int[macros.length];
            java.util.Arrays.fill(prevMvm, -1);
            for (int blk = 0; blk < blocks; blk++) {
                int load = b.addLoad(k, blk, loadWidth, home);
                edge(b, prevLoad, load);
                prevLoad = load;
                if (delivered != null) {
                    // The blocks of the layer before that this block reads: up to its share of them, and one more.
                    int hi = Math.min(blocksBefore - 1, (blk + 1) * blocksBefore / blocks);
                    for (int j = Math.max(0, hi - 1); j <= hi; j++) {
                        b.addEdge(delivered[j], load);
                    }
                }
                int[] first = new int[macros.length];
                first[0] = load;
                for (int m = 1; m < macros.length; m++) {
                    int transfer = b.addTransfer(k, blk, loadWidth / 2, home, macros[m]);
                    b.addEdge(load, transfer);
                    first[m] = b.addLoad(k, blk, loadWidth / 2, macros[m]);
                    b.addEdge(transfer, first[m]);
                }
                int[] shiftAdd = new int[macros.length];
                int[] mvm = new int[macros.length];
                for (int t = 0; t < bits; t++) {
                    for (int m = 0; m < macros.length; m++) {
                        int op = b.addMvm(k, blk, t, 1 + rnd.nextInt(2), macros[m]);
                        if (t == 0) {
                            b.addEdge(first[m], op);
                            edge(b, prevMvm[m], op);
                        } else {
                            b.addEdge(mvm[m], op);
                        }
                        mvm[m] = op;
                        int adc = b.addAdc(k, blk, t, conversions, macros[m]);
                        b.addEdge(op, adc);
                        int sa = b.addAlu(AluKind.SHIFT_ADD, k, blk, t, conversions, macros[m]);
                        b.addEdge(adc, sa);
                        if (t > 0) {
                            b.addEdge(shiftAdd[m], sa);
                        }
                        shiftAdd[m] = sa;
                    }
                }
                System.arraycopy(mvm, 0, prevMvm, 0, macros.length);
                int tail = shiftAdd[0];
                if (macros.length > 1) {
                    tail = b.addMerge(k, blk, conversions, home, macros);
                    for (int m = 0; m < macros.length; m++) {
                        b.addEdge(shiftAdd[m], tail);
                    }
                    int readMerged = b.addLoad(k, blk, conversions, home);
                    b.addEdge(tail, readMerged);
                    tail = readMerged;
                }
                if (add) {
                    int sum = b.addAlu(AluKind.ADD, k, blk, IrProgram.NO_BIT, conversions, home);
                    b.addEdge(tail, sum);
                    tail = sum;
                }
                edge(b, prevTail, tail);
                prevTail = tail;
                int chain = tail;
                for (int f = 0; f < followers; f++) {
                    int relu = b.addAlu(AluKind.RELU, k, blk, IrProgram.NO_BIT, conversions, home);
                    b.addEdge(chain, relu);
                    edge(b, prevOp[f], relu);
                    prevOp[f] = relu;
                    chain = relu;
                }
                int store = b.addStore(k, blk, conversions, home);
                b.addEdge(chain, store);
                edge(b, prevStore, store);
                prevStore = store;
                ours[blk] = store;
                if (nextHome != home) {
                    int send = b.addTransfer(k, blk, conversions, home, nextHome);
                    b.addEdge(store, send);
                    edge(b, prevSend, send);
                    prevSend = send;
                    ours[blk] = send;
                }
            }
            delivered = ours;
            blocksBefore = blocks;
        }
        return new Case(acc, b.build());
    }

    private static void edge(IrProgramBuilder b, int from, int to) {
        if (from >= 0) {
            b.addEdge(from, to);
        }
    }
}
