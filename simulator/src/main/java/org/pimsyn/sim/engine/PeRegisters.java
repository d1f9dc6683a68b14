package org.pimsyn.sim.engine;

import java.util.Arrays;
import org.pimsyn.sim.ir.IrProgram;

/**
 * Which IRs use the input and output registers of a crossbar set, bound once per run (see {@code traces/README.md},
 * "Back-pressure"). A <em>use</em> is a pair of IRs of one image: the taker, which may not start before the use has
 * a register, and the giver, whose end gives the register back.
 *
 * <ul>
 * <li>A block's MVMs on a crossbar set: an MVM none of whose MVM predecessors has its set, layer and block (the
 * block's first bit slice), then each next one, the only MVM successor of the one before with that set, layer and
 * block, of which the one before is the only such predecessor.
 * <li>Input register: taken by a LOAD with exactly one MVM successor, of which it is the only LOAD predecessor, where
 * that MVM is a block's first on its set; given back by the block's last MVM on the set.
 * <li>Output register: taken by a block's first MVM on its set; given back by the STORE, MERGE or TRANSFER that
 * carries the block's results away: reached from the block's last MVM through its only ADC successor (of which the
 * MVM is the only predecessor) and then, step by step, the only successor with the same layer and block, as long
 * as that is an ADC or ALU IR.
 * </ul>
 *
 * <p>Each crossbar set has a ring of uses per kind, in program order: by the taker's position in a topological order
 * of the program (its id, where every edge leads to a higher id, as in every program the dataflow compiler emits;
 * else the order that always places the lowest id whose predecessors are all placed), image after image. Use
 * {@code k} of a ring with {@code S} registers waits for the giver of use {@code k - S}. A use whose taker is not
 * placed after the previous kept use's giver is left out (it holds no register), so that givers and takers of a
 * ring alternate in that order; every wait then points forward in (image, position), which keeps the dependencies
 * acyclic.
 *
 * <p>Buffers grow to the largest program seen and are reused; one binding serves one event loop.
 */
final class PeRegisters {
    private static final int UNKNOWN = -1;
    private static final int NONE = -2;

    /** Uses per image, over all rings. */
    int uses;
    /** Per use: the IR that takes the register, the IR whose end gives it back, and its ring. */
    int[] taker = new int[0];
    int[] giver = new int[0];
    int[] ringOf = new int[0];
    /**
     * Ring {@code r} (input registers of crossbar set {@code r} below {@code fixed}, output registers of set
     * {@code r - fixed} from there) holds uses {@code ringStart[r]} to {@code ringStart[r + 1] - 1}, in order.
     */
    int[] ringStart = new int[0];
    /** Rings below this one are of input registers. */
    int fixed;
    /** Per IR: the use it takes, or -1. */
    int[] takerUse = new int[0];
    /** Per IR, in CSR form: the uses whose register its end gives back. */
    int[] giverStart = new int[0];
    int[] giverUses = new int[0];

    // Scratch, per IR.
    private int[] position = new int[0];
    private int[] sameNext = new int[0];
    private int[] sameOut = new int[0];
    private int[] samePred = new int[0];
    private int[] onlyMvm = new int[0];
    private int[] mvmSuccessors = new int[0];
    private int[] loadPredecessors = new int[0];
    private int[] exit = new int[0];
    private int[] path = new int[0];
    /** The IR at each position of the topological order, where {@link #topological}. */
    private int[] orderOf = new int[0];
    /** Whether {@link #position} holds a topological order; else ids are the order. */
    private boolean topological;
    private int[] candidateRing = new int[0];
    private int[] candidateTaker = new int[0];
    private int[] candidateGiver = new int[0];
    private final MinHeap heap = new MinHeap(64);

    /**
     * Binds the uses of a program.
     *
     * @param nodes    the bound program's words ({@link CompiledProgram#nodes})
     * @param fixed    the design's fixed resources; crossbar sets are among them
     * @param indegree predecessors per IR
     * @param input    whether to bind input registers
     * @param output   whether to bind output registers
     */
    void bind(IrProgram p, int[] nodes, int fixed, int[] indegree, boolean input, boolean output) {
        int n = p.size();
        this.fixed = fixed;
        grow(n);
        uses = 0;
        Arrays.fill(takerUse, 0, n, -1);
        if (ringStart.length < 2 * fixed + 1) {
            ringStart = new int[2 * fixed + 1];
        }
        Arrays.fill(ringStart, 0, 2 * fixed + 1, 0);
        Arrays.fill(giverStart, 0, n + 1, 0);
        if (!input && !output) {
            return;
        }
        order(p, indegree);
        chains(p, nodes);
        if (input) {
            loads(p, nodes);
        }
        Arrays.fill(exit, 0, n, UNKNOWN);
        // Candidates in program order, then grouped by ring (a stable counting sort keeps that order in each ring).
        int candidates = 0;
        for (int k = 0; k < n; k++) {
            int i = nodeAt(k);
            int kind = kind(nodes, i);
            if (input && kind == CompiledProgram.LOAD && mvmSuccessors[i] == 1) {
                int mvm = onlyMvm[i];
                if (loadPredecessors[mvm] == 1 && samePred[mvm] == 0) {
                    candidateRing[candidates] = set(nodes, mvm);
                    candidateTaker[candidates] = i;
                    candidateGiver[candidates++] = lastOfBlock(mvm);
                }
            } else if (output && kind == CompiledProgram.MVM && samePred[i] == 0) {
                int results = resultsCarrier(p, nodes, indegree, i, lastOfBlock(i));
                if (results >= 0) {
                    candidateRing[candidates] = fixed + set(nodes, i);
                    candidateTaker[candidates] = i;
                    candidateGiver[candidates++] = results;
                }
            }
        }
        int rings = 2 * fixed;
        for (int c = 0; c < candidates; c++) {
            ringStart[candidateRing[c] + 1]++;
        }
        for (int r = 0; r < rings; r++) {
            ringStart[r + 1] += ringStart[r];
        }
        int[] fill = Arrays.copyOf(ringStart, rings);
        for (int c = 0; c < candidates; c++) {
            int at = fill[candidateRing[c]]++;
            taker[at] = candidateTaker[c];
            giver[at] = candidateGiver[c];
            ringOf[at] = candidateRing[c];
        }
        // Keep, in each ring, the uses whose taker comes after the giver of the last one kept; compact in place.
        int kept = 0;
        for (int r = 0; r < rings; r++) {
            int from = ringStart[r];
            int to = ringStart[r + 1];
            ringStart[r] = kept;
            int lastGiver = -1;
            for (int u = from; u < to; u++) {
                if (lastGiver < 0 || position(taker[u]) > position(lastGiver)) {
                    taker[kept] = taker[u];
                    giver[kept] = giver[u];
                    ringOf[kept++] = r;
                    lastGiver = giver[u];
                }
            }
        }
        ringStart[rings] = kept;
        uses = kept;
        for (int u = 0; u < uses; u++) {
            takerUse[taker[u]] = u;
            giverStart[giver[u] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            giverStart[i + 1] += giverStart[i];
        }
        int[] next = Arrays.copyOf(giverStart, n);
        for (int u = 0; u < uses; u++) {
            giverUses[next[giver[u]]++] = u;
        }
    }

    /** Uses per image in a ring. */
    int ringSize(int ring) {
        return ringStart[ring + 1] - ringStart[ring];
    }

    boolean isInput(int ring) {
        return ring < fixed;
    }

    private void grow(int n) {
        if (takerUse.length < n || giverStart.length < n + 1) {
            position = new int[n];
            sameNext = new int[n];
            sameOut = new int[n];
            samePred = new int[n];
            onlyMvm = new int[n];
            mvmSuccessors = new int[n];
            loadPredecessors = new int[n];
            exit = new int[n];
            path = new int[n];
            orderOf = new int[n];
            candidateRing = new int[n];
            candidateTaker = new int[n];
            candidateGiver = new int[n];
            taker = new int[n];
            giver = new int[n];
            ringOf = new int[n];
            takerUse = new int[n];
            giverStart = new int[n + 1];
            giverUses = new int[n];
        }
    }

    /** Program order: ids where every edge leads forward, else a topological order in {@link #position}. */
    private void order(IrProgram p, int[] indegree) {
        int n = p.size();
        boolean forward = true;
        for (int i = 0; i < n && forward; i++) {
            for (int k = p.successorStart(i), to = p.successorStart(i + 1); k < to; k++) {
                if (p.successorAt(k) <= i) {
                    forward = false;
                    break;
                }
            }
        }
        topological = !forward;
        if (forward) {
            return;
        }
        // The lowest id whose predecessors are all placed comes next. sameOut serves as scratch until chains().
        int[] left = sameOut;
        System.arraycopy(indegree, 0, left, 0, n);
        heap.clear();
        for (int i = 0; i < n; i++) {
            if (left[i] == 0) {
                heap.push(i, 0, i);
            }
        }
        int placed = 0;
        while (!heap.isEmpty()) {
            int v = heap.pop();
            position[v] = placed;
            orderOf[placed++] = v;
            for (int k = p.successorStart(v), to = p.successorStart(v + 1); k < to; k++) {
                int s = p.successorAt(k);
                if (--left[s] == 0) {
                    heap.push(s, 0, s);
                }
            }
        }
    }

    private int position(int node) {
        return topological ? position[node] : node;
    }

    private int nodeAt(int k) {
        return topological ? orderOf[k] : k;
    }

    /** Per MVM: its MVM successors and predecessors of the same set, layer and block. */
    private void chains(IrProgram p, int[] nodes) {
        int n = p.size();
        Arrays.fill(sameOut, 0, n, 0);
        Arrays.fill(samePred, 0, n, 0);
        for (int i = 0; i < n; i++) {
            if (kind(nodes, i) != CompiledProgram.MVM) {
                continue;
            }
            for (int k = p.successorStart(i), to = p.successorStart(i + 1); k < to; k++) {
                int s = p.successorAt(k);
                if (kind(nodes, s) == CompiledProgram.MVM && set(nodes, s) == set(nodes, i)
                        && p.layer(s) == p.layer(i) && p.block(s) == p.block(i)) {
                    sameOut[i]++;
                    sameNext[i] = s;
                    samePred[s]++;
                }
            }
        }
    }

    /** The last MVM of the block that {@code first} begins on its set. */
    private int lastOfBlock(int first) {
        int m = first;
        while (sameOut[m] == 1 && samePred[sameNext[m]] == 1) {
            m = sameNext[m];
        }
        return m;
    }

    /** Per LOAD, its MVM successors (and the last of them); per MVM, its LOAD predecessors. */
    private void loads(IrProgram p, int[] nodes) {
        int n = p.size();
        Arrays.fill(mvmSuccessors, 0, n, 0);
        Arrays.fill(loadPredecessors, 0, n, 0);
        for (int i = 0; i < n; i++) {
            if (kind(nodes, i) != CompiledProgram.LOAD) {
                continue;
            }
            for (int k = p.successorStart(i), to = p.successorStart(i + 1); k < to; k++) {
                int s = p.successorAt(k);
                if (kind(nodes, s) == CompiledProgram.MVM) {
                    mvmSuccessors[i]++;
                    onlyMvm[i] = s;
                    loadPredecessors[s]++;
                }
            }
        }
    }

    /**
     * The STORE, MERGE or TRANSFER that carries away the results of the block from {@code first} to {@code last} on
     * their set, or -1: see the class comment.
     */
    private int resultsCarrier(IrProgram p, int[] nodes, int[] indegree, int first, int last) {
        int adc = -1;
        int adcs = 0;
        for (int k = p.successorStart(last), to = p.successorStart(last + 1); k < to; k++) {
            int s = p.successorAt(k);
            if (kind(nodes, s) == CompiledProgram.ADC) {
                adc = s;
                adcs++;
            }
        }
        if (adcs != 1 || indegree[adc] != 1 || p.layer(adc) != p.layer(first) || p.block(adc) != p.block(first)) {
            return -1;
        }
        return exit(p, nodes, adc);
    }

    /** Where the single steps among the IRs of v's layer and block lead from the ADC or ALU IR v; memoized. */
    private int exit(IrProgram p, int[] nodes, int v) {
        int depth = 0;
        int result;
        int cur = v;
        while (true) {
            if (exit[cur] != UNKNOWN) {
                result = exit[cur];
                break;
            }
            path[depth++] = cur;
            int next = -1;
            int count = 0;
            for (int k = p.successorStart(cur), to = p.successorStart(cur + 1); k < to; k++) {
                int s = p.successorAt(k);
                if (p.layer(s) == p.layer(cur) && p.block(s) == p.block(cur)) {
                    next = s;
                    count++;
                }
            }
            if (count != 1) {
                result = NONE;
                break;
            }
            int kind = kind(nodes, next);
            if (kind == CompiledProgram.STORE || kind == CompiledProgram.MERGE || kind == CompiledProgram.TRANSFER) {
                result = next;
                break;
            }
            if (kind != CompiledProgram.ADC && kind != CompiledProgram.ALU) {
                result = NONE;
                break;
            }
            cur = next;
        }
        for (int d = 0; d < depth; d++) {
            exit[path[d]] = result;
        }
        return result == NONE ? -1 : result;
    }

    private static int kind(int[] nodes, int i) {
        return nodes[CompiledProgram.STRIDE * i + CompiledProgram.SET] >>> CompiledProgram.KIND_SHIFT;
    }

    private static int set(int[] nodes, int i) {
        return nodes[CompiledProgram.STRIDE * i + CompiledProgram.SET] & CompiledProgram.SET_MASK;
    }
}
