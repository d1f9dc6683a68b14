package org.pimsyn.synth.stage.dataflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrKind;
import org.pimsyn.sim.ir.IrProgram;

/** Looks IRs up in a program by their fields, and names them in short labels for exact assertions. */
final class Irs {
    private final IrProgram program;
    private final List<List<Integer>> predecessors = new ArrayList<>();

    Irs(IrProgram program) {
        this.program = program;
        for (int i = 0; i < program.size(); i++) {
            predecessors.add(new ArrayList<>());
        }
        for (int i = 0; i < program.size(); i++) {
            for (int s : program.successors(i)) {
                predecessors.get(s).add(i);
            }
        }
    }

    IrProgram program() {
        return program;
    }

    /**
     * A short label: {@code MVM L0 b1 t0 x16 @3}, {@code ALU/relu L0 b1 v32 @3}, {@code TRANSFER L0 b1 v72 @3->5},
     * {@code MERGE L0 b1 v16 [3, 5]->3}.
     */
    String label(int id) {
        IrKind kind = program.kind(id);
        StringBuilder sb = new StringBuilder(kind.name());
        if (kind == IrKind.ALU) {
            sb.append('/').append(program.aluKind(id).label());
        }
        sb.append(" L").append(program.layer(id)).append(" b").append(program.block(id));
        if (program.bit(id) != IrProgram.NO_BIT) {
            sb.append(" t").append(program.bit(id));
        }
        sb.append(kind == IrKind.MVM ? " x" : " v").append(program.width(id));
        if (kind == IrKind.TRANSFER) {
            sb.append(" @").append(program.srcMacro(id)).append("->").append(program.dstMacro(id));
        } else if (kind == IrKind.MERGE) {
            sb.append(' ').append(java.util.Arrays.toString(program.mergeSources(id))).append("->")
                    .append(program.dstMacro(id));
        } else {
            sb.append(" @").append(program.macro(id));
        }
        return sb.toString();
    }

    /** Labels of all IRs of one block, in id order. */
    List<String> block(int layer, int block) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < program.size(); i++) {
            if (program.layer(i) == layer && program.block(i) == block) {
                labels.add(label(i));
            }
        }
        return labels;
    }

    /** The single IR of that kind, layer, block and bit (NO_BIT for bit-less kinds) on that macro. */
    int find(IrKind kind, int layer, int block, int bit, int macro) {
        int found = -1;
        for (int i = 0; i < program.size(); i++) {
            if (program.kind(i) == kind && program.layer(i) == layer && program.block(i) == block
                    && program.bit(i) == bit && program.macro(i) == macro) {
                if (found >= 0) {
                    throw new AssertionError("two IRs match: " + label(found) + " and " + label(i));
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new AssertionError("no " + kind + " of layer " + layer + " block " + block + " bit " + bit
                    + " on macro " + macro);
        }
        return found;
    }

    /** The single IR with that label. */
    int find(String label) {
        int found = -1;
        for (int i = 0; i < program.size(); i++) {
            if (label(i).equals(label)) {
                if (found >= 0) {
                    throw new AssertionError("two IRs are " + label);
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new AssertionError("no IR is " + label);
        }
        return found;
    }

    int find(AluKind alu, int layer, int block, int bit, int macro) {
        int found = -1;
        for (int i = 0; i < program.size(); i++) {
            if (program.kind(i) == IrKind.ALU && program.aluKind(i) == alu && program.layer(i) == layer
                    && program.block(i) == block && program.bit(i) == bit && program.macro(i) == macro) {
                found = i;
            }
        }
        if (found < 0) {
            throw new AssertionError("no ALU " + alu + " of layer " + layer + " block " + block);
        }
        return found;
    }

    /** Sorted labels of an IR's direct predecessors. */
    List<String> predecessorLabels(int id) {
        List<String> labels = new ArrayList<>();
        for (int p : predecessors.get(id)) {
            labels.add(label(p));
        }
        Collections.sort(labels);
        return labels;
    }

    List<Integer> predecessors(int id) {
        return predecessors.get(id);
    }

    List<Integer> successors(int id) {
        List<Integer> next = new ArrayList<>();
        for (int s : program.successors(id)) {
            next.add(s);
        }
        return next;
    }

    int count(IrKind kind) {
        int n = 0;
        for (int i = 0; i < program.size(); i++) {
            n += program.kind(i) == kind ? 1 : 0;
        }
        return n;
    }

    int count(AluKind alu) {
        int n = 0;
        for (int i = 0; i < program.size(); i++) {
            n += program.kind(i) == IrKind.ALU && program.aluKind(i) == alu ? 1 : 0;
        }
        return n;
    }

    /**
     * The latest block of a layer's STOREs from which {@code target} is reachable (-1: none): the producer block
     * the target waits for, directly or through chained IRs. IR ids are in a topological order (every edge goes
     * from a lower id to a higher one), which this relies on and checks.
     */
    int latestStoreReaching(int producerLayer, int target) {
        int[] latest = new int[target + 1];
        for (int v = 0; v <= target; v++) {
            int best = program.kind(v) == IrKind.STORE && program.layer(v) == producerLayer ? program.block(v) : -1;
            for (int p : predecessors.get(v)) {
                if (p >= v) {
                    throw new AssertionError("edge " + label(p) + " -> " + label(v) + " goes back in id order");
                }
                best = Math.max(best, latest[p]);
            }
            latest[v] = best;
        }
        return latest[target];
    }

    /** Whether {@code to} is reachable from {@code from} along edges. */
    boolean reaches(int from, int to) {
        boolean[] seen = new boolean[program.size()];
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        queue.add(from);
        seen[from] = true;
        while (!queue.isEmpty()) {
            int v = queue.poll();
            if (v == to) {
                return true;
            }
            for (int s : program.successors(v)) {
                if (!seen[s]) {
                    seen[s] = true;
                    queue.add(s);
                }
            }
        }
        return false;
    }
}
