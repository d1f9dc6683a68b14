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
    private static final int NONE = -1;
    private static final int UNKNOWN = -2;
    /**
     * Where {@link #counts} keeps, one saturating byte each (0, 1, 2 for more): an MVM's MVM predecessors of its
     * set, layer and block; an MVM's LOAD predecessors; a LOAD's MVM successors, or an MVM's MVM successors of its
     * set, layer and block (the last of which is {@link #next}).
     */
    private static final int SAME_IN = 0;
    private static final int LOADS_IN = 8;
    private static final int OUT = 16;

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

    // Scratch per IR, reused.
    private int[] next = new int[0];
    private int[] counts = new int[0];
    /** Per ADC or ALU IR walked from: the STORE, MERGE or TRANSFER its single steps lead to, NONE, or UNKNOWN. */
    private int[] exit = new int[0];
    /** The IRs of the walk under way ({@link #exit}). */
    private int[] walk = new int[16];
    /** The LOAD and MVM IRs, in id order, {@link #crossbarIrs} of them: the IRs that may take a register. */
    private int[] crossbarIr = new int[0];
    private int crossbarIrs;
    // Uses found, in program order, before they are grouped by ring.
    private int[] foundRings = new int[0];
    private int[] foundTakers = new int[0];
    private int[] foundGivers = new int[0];
    /** Where the program's ids are not a topological order: one, as positions per IR and IRs per position. */
    private boolean topological;
    private int[] position = new int[0];
    private int[] orderOf = new int[0];
    private final MinHeap heap = new MinHeap(64);
    /** The ring and giver of the use {@link #use} found, if any. */
    private int foundRing;
    private int foundGiver;

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
        if (takerUse.length < n) {
            takerUse = new int[n];
            next = new int[n];
            counts = new int[n];
            exit = new int[n];
        }
        if (giverStart.length < n + 1) {
            giverStart = new int[n + 1];
        }
        int rings = 2 * fixed;
        if (ringStart.length < rings + 1) {
            ringStart = new int[rings + 1];
        }
        uses = 0;
        Arrays.fill(takerUse, 0, n, -1);
        Arrays.fill(ringStart, 0, rings + 1, 0);
        Arrays.fill(giverStart, 0, n + 1, 0);
        if (!input && !output) {
            return;
        }
        counts(p, nodes);
        topological = !p.idsInTopologicalOrder();
        if (topological) {
            order(p, indegree);
        }
        Arrays.fill(exit, 0, n, UNKNOWN);
        // The uses in program order, then grouped by ring: a stable counting sort keeps that order in each ring.
        int found = 0;
        for (int k = 0, candidates = topological ? n : crossbarIrs; k < candidates; k++) {
            int i = topological ? orderOf[k] : crossbarIr[k];
            if (use(p, nodes, indegree, i, input, output)) {
                if (found == foundRings.length) {
                    int grown = Math.max(64, 2 * found);
                    foundRings = Arrays.copyOf(foundRings, grown);
                    foundTakers = Arrays.copyOf(foundTakers, grown);
                    foundGivers = Arrays.copyOf(foundGivers, grown);
                }
                foundRings[found] = foundRing;
                foundTakers[found] = i;
                foundGivers[found++] = foundGiver;
                ringStart[foundRing + 1]++;
            }
        }
        if (taker.length < found) {
            taker = new int[found];
            giver = new int[found];
            ringOf = new int[found];
            giverUses = new int[found];
        }
        for (int r = 0; r < rings; r++) {
            ringStart[r + 1] += ringStart[r];
        }
        int[] fill = Arrays.copyOf(ringStart, rings);
        for (int f = 0; f < found; f++) {
            int at = fill[foundRings[f]]++;
            taker[at] = foundTakers[f];
            giver[at] = foundGivers[f];
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
        // The fill runs each IR's start up to its end, the next IR's start; shifting back restores the starts.
        for (int u = 0; u < uses; u++) {
            giverUses[giverStart[giver[u]]++] = u;
        }
        for (int i = n; i > 0; i--) {
            giverStart[i] = giverStart[i - 1];
        }
        giverStart[0] = 0;
    }

    /** Uses per image in a ring. */
    int ringSize(int ring) {
        return ringStart[ring + 1] - ringStart[ring];
    }

    boolean isInput(int ring) {
        return ring < fixed;
    }

    /** Whether IR i takes a register; if so its ring and giver go to {@link #foundRing} and {@link #foundGiver}. */
    private boolean use(IrProgram p, int[] nodes, int[] indegree, int i, boolean input, boolean output) {
        int kind = kind(nodes, i);
        int c = counts[i];
        if (input && kind == CompiledProgram.LOAD && c >>> OUT == 1) {
            int mvm = next[i];
            // The MVM's only LOAD predecessor, and no MVM of its set, layer and block before it.
            if ((counts[mvm] & 0xffff) == 1 << LOADS_IN) {
                foundRing = set(nodes, mvm);
                foundGiver = lastOfBlock(mvm);
                return true;
            }
        } else if (output && kind == CompiledProgram.MVM && (c & 0xff) == 0) {
            int results = resultsCarrier(p, nodes, indegree, i, lastOfBlock(i));
            if (results >= 0) {
                foundRing = fixed + set(nodes, i);
                foundGiver = results;
                return true;
            }
        }
        return false;
    }

    /**
     * For a program whose ids are not a topological order: the order that always places the lowest id whose
     * predecessors are all placed, in {@link #position} and {@link #orderOf}.
     */
    private void order(IrProgram p, int[] indegree) {
        int n = p.size();
        if (position.length < n) {
            position = new int[n];
            orderOf = new int[n];
        }
        // The lowest id whose predecessors are all placed comes next; exit serves to count those left.
        int[] left = exit;
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

    /** Fills {@link #counts}, {@link #next} and {@link #crossbarIr}. */
    private void counts(IrProgram p, int[] nodes) {
        int n = p.size();
        Arrays.fill(counts, 0, n, 0);
        crossbarIrs = 0;
        for (int i = 0; i < n; i++) {
            int kind = kind(nodes, i);
            if (kind != CompiledProgram.MVM && kind != CompiledProgram.LOAD) {
                continue;
            }
            if (crossbarIrs == crossbarIr.length) {
                crossbarIr = Arrays.copyOf(crossbarIr, Math.max(64, crossbarIrs + (crossbarIrs >> 1)));
            }
            crossbarIr[crossbarIrs++] = i;
            for (int k = p.successorStart(i), to = p.successorStart(i + 1); k < to; k++) {
                int s = p.successorAt(k);
                if (kind(nodes, s) != CompiledProgram.MVM) {
                    continue;
                }
                if (kind == CompiledProgram.LOAD) {
                    counts[i] = saturated(counts[i], OUT);
                    next[i] = s;
                    counts[s] = saturated(counts[s], LOADS_IN);
                } else if (set(nodes, s) == set(nodes, i) && p.block(s) == p.block(i)) {
                    // One crossbar set serves one layer of one macro: the same set is the same layer.
                    counts[i] = saturated(counts[i], OUT);
                    next[i] = s;
                    counts[s] = saturated(counts[s], SAME_IN);
                }
            }
        }
    }

    /** Adds one to the byte at {@code shift}, stopping at 2. */
    private static int saturated(int packed, int shift) {
        return (packed >>> shift & 0xff) >= 2 ? packed : packed + (1 << shift);
    }

    /** The last MVM of the block that {@code first} begins on its set. */
    private int lastOfBlock(int first) {
        int m = first;
        while (counts[m] >>> OUT == 1 && (counts[next[m]] & 0xff) == 1) {
            m = next[m];
        }
        return m;
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
        int carrier = exit(p, nodes, adc);
        return carrier == NONE ? -1 : carrier;
    }

    /**
     * Where single steps lead from the ADC or ALU IR v: to the only successor with its layer and block, until a
     * STORE, MERGE or TRANSFER; NONE where a step finds no such successor or several, or one of another kind.
     * Remembered for every IR on the way, so that no IR is walked twice in a binding.
     */
    private int exit(IrProgram p, int[] nodes, int v) {
        int depth = 0;
        int cur = v;
        int result;
        while (true) {
            if (exit[cur] != UNKNOWN) {
                result = exit[cur];
                break;
            }
            if (depth == walk.length) {
                walk = Arrays.copyOf(walk, 2 * depth);
            }
            walk[depth++] = cur;
            int step = -1;
            int steps = 0;
            for (int e = p.successorStart(cur), to = p.successorStart(cur + 1); e < to; e++) {
                int s = p.successorAt(e);
                if (p.layer(s) == p.layer(cur) && p.block(s) == p.block(cur)) {
                    step = s;
                    steps++;
                }
            }
            int stepKind = steps == 1 ? kind(nodes, step) : -1;
            if (stepKind == CompiledProgram.STORE || stepKind == CompiledProgram.MERGE
                    || stepKind == CompiledProgram.TRANSFER) {
                result = step;
                break;
            }
            if (stepKind != CompiledProgram.ADC && stepKind != CompiledProgram.ALU) {
                result = NONE;
                break;
            }
            cur = step;
        }
        for (int d = 0; d < depth; d++) {
            exit[walk[d]] = result;
        }
        return result;
    }

    private static int kind(int[] nodes, int i) {
        return nodes[CompiledProgram.STRIDE * i + CompiledProgram.SET] >>> CompiledProgram.KIND_SHIFT;
    }

    private static int set(int[] nodes, int i) {
        return nodes[CompiledProgram.STRIDE * i + CompiledProgram.SET] & CompiledProgram.SET_MASK;
    }
}
