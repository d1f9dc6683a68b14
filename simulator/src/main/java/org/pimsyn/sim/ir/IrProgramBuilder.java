package org.pimsyn.sim.ir;

import it.unimi.dsi.fastutil.bytes.ByteArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.shorts.ShortArrayList;
import java.util.Arrays;
import org.pimsyn.sim.InvalidSimulationInputException;

/**
 * Builds an {@link IrProgram}: each {@code add...} appends one IR and returns its id (0, 1, 2, ... in call
 * order); {@link #addEdge(int, int)} adds a dependency; {@link #build()} checks the graph is acyclic and
 * freezes it. Arguments are checked as they come (InvalidSimulationInputException naming the IR), so a
 * bad program fails where it is made.
 */
public final class IrProgramBuilder {
    private final ByteArrayList kind;
    private final ByteArrayList aluKind;
    private final ShortArrayList bit;
    private final IntArrayList layer;
    private final IntArrayList block;
    private final IntArrayList width;
    private final IntArrayList macro;
    private final IntArrayList aux;
    private final IntArrayList edgeFrom = new IntArrayList();
    private final IntArrayList edgeTo = new IntArrayList();
    private final IntArrayList mergeSetStart = IntArrayList.of(0);
    private final IntArrayList mergeSetMacros = new IntArrayList();
    private final Object2IntOpenHashMap<IntArrayList> mergeSetIndex = new Object2IntOpenHashMap<>();

    public IrProgramBuilder() {
        this(1024);
    }

    /** @param expectedNodes capacity to reserve, to avoid regrowing while a large program is added */
    public IrProgramBuilder(int expectedNodes) {
        int capacity = Math.max(16, expectedNodes);
        kind = new ByteArrayList(capacity);
        aluKind = new ByteArrayList(capacity);
        bit = new ShortArrayList(capacity);
        layer = new IntArrayList(capacity);
        block = new IntArrayList(capacity);
        width = new IntArrayList(capacity);
        macro = new IntArrayList(capacity);
        aux = new IntArrayList(capacity);
        mergeSetIndex.defaultReturnValue(-1);
    }

    /** Number of IRs added so far. */
    public int size() {
        return kind.size();
    }

    /** MVM(layer, cnt, bit, xb_num) on a macro: DAC, crossbar read and sample-and-hold of one bit slice. */
    public int addMvm(int layer, int block, int bit, int xbNum, int macro) {
        checkBit(bit);
        checkPositive(xbNum, "xb_num", IrKind.MVM);
        return add(IrKind.MVM, 0, layer, block, bit, xbNum, macro, 0);
    }

    /** ADC(layer, cnt, bit, vec_width) on a macro's ADC bank. */
    public int addAdc(int layer, int block, int bit, int vecWidth, int macro) {
        checkBit(bit);
        checkPositive(vecWidth, "vec_width", IrKind.ADC);
        return add(IrKind.ADC, 0, layer, block, bit, vecWidth, macro, 0);
    }

    /**
     * ALU(aluop, layer, cnt, bit, vec_width) on a macro's units of one kind. Use {@link IrProgram#NO_BIT} for
     * operations after the bit slices are combined (addition, activation, pooling).
     */
    public int addAlu(AluKind op, int layer, int block, int bit, int vecWidth, int macro) {
        if (op == null) {
            throw invalid("ALU IR " + size() + ": aluop is missing");
        }
        if (bit != IrProgram.NO_BIT) {
            checkBit(bit);
        }
        checkPositive(vecWidth, "vec_width", IrKind.ALU);
        return add(IrKind.ALU, op.code(), layer, block, bit, vecWidth, macro, 0);
    }

    /** LOAD(layer, cnt, vec_width): a scratchpad read on a macro. */
    public int addLoad(int layer, int block, int vecWidth, int macro) {
        checkPositive(vecWidth, "vec_width", IrKind.LOAD);
        return add(IrKind.LOAD, 0, layer, block, IrProgram.NO_BIT, vecWidth, macro, 0);
    }

    /** STORE(layer, cnt, vec_width): a scratchpad write on a macro. */
    public int addStore(int layer, int block, int vecWidth, int macro) {
        checkPositive(vecWidth, "vec_width", IrKind.STORE);
        return add(IrKind.STORE, 0, layer, block, IrProgram.NO_BIT, vecWidth, macro, 0);
    }

    /** TRANSFER(layer, src, dst, vec_width) of one block's data over the NoC. */
    public int addTransfer(int layer, int block, int vecWidth, int srcMacro, int dstMacro) {
        checkPositive(vecWidth, "vec_width", IrKind.TRANSFER);
        checkMacro(dstMacro, IrKind.TRANSFER);
        return add(IrKind.TRANSFER, 0, layer, block, IrProgram.NO_BIT, vecWidth, srcMacro, dstMacro);
    }

    /**
     * MERGE(layer, macro_num, vec_width): partial results of one block gathered at {@code dstMacro} from the
     * layer's {@code srcMacros} (macro_num = their count; the destination may be among them).
     */
    public int addMerge(int layer, int block, int vecWidth, int dstMacro, int... srcMacros) {
        checkPositive(vecWidth, "vec_width", IrKind.MERGE);
        if (srcMacros == null || srcMacros.length == 0) {
            throw invalid("MERGE IR " + size() + ": it needs at least one source macro");
        }
        int[] sorted = srcMacros.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            checkMacro(sorted[i], IrKind.MERGE);
            if (i > 0 && sorted[i] == sorted[i - 1]) {
                throw invalid("MERGE IR " + size() + ": source macro " + sorted[i] + " is listed twice");
            }
        }
        IntArrayList key = IntArrayList.wrap(sorted);
        int set = mergeSetIndex.getInt(key);
        if (set < 0) {
            set = mergeSetStart.size() - 1;
            mergeSetIndex.put(key, set);
            mergeSetMacros.addElements(mergeSetMacros.size(), sorted);
            mergeSetStart.add(mergeSetMacros.size());
        }
        return add(IrKind.MERGE, 0, layer, block, IrProgram.NO_BIT, vecWidth, dstMacro, set);
    }

    /** {@code to} may start only after {@code from} has finished. */
    public void addEdge(int from, int to) {
        int n = size();
        if (from < 0 || from >= n || to < 0 || to >= n) {
            throw invalid("edge " + from + " -> " + to + ": no IR " + (from < 0 || from >= n ? from : to)
                    + " (ids are 0.." + (n - 1) + ")");
        }
        edgeFrom.add(from);
        edgeTo.add(to);
    }

    /**
     * Freezes the program. The builder may keep growing afterwards; later builds include everything.
     *
     * @throws InvalidSimulationInputException naming the IRs of a cycle, when there is one
     */
    public IrProgram build() {
        int n = size();
        int edges = edgeFrom.size();
        int[] from = edgeFrom.elements();
        int[] to = edgeTo.elements();
        int[] start = new int[n + 1];
        for (int e = 0; e < edges; e++) {
            start[from[e] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] succ = new int[edges];
        int[] fill = Arrays.copyOf(start, n);
        for (int e = 0; e < edges; e++) {
            succ[fill[from[e]]++] = to[e];
        }
        checkAcyclic(n, start, succ);
        boolean idsInOrder = true;
        for (int e = 0; e < edges && idsInOrder; e++) {
            idsInOrder = from[e] < to[e];
        }

        int[] layers = layer.toIntArray();
        int[] blocks = block.toIntArray();
        int[] macros = macro.toIntArray();
        int[] auxes = aux.toIntArray();
        byte[] kinds = kind.toByteArray();
        int maxLayer = -1;
        int maxMacro = -1;
        for (int i = 0; i < n; i++) {
            maxLayer = Math.max(maxLayer, layers[i]);
            maxMacro = Math.max(maxMacro, macros[i]);
            if (kinds[i] == IrKind.TRANSFER.code()) {
                maxMacro = Math.max(maxMacro, auxes[i]);
            }
        }
        for (int i = 0; i < mergeSetMacros.size(); i++) {
            maxMacro = Math.max(maxMacro, mergeSetMacros.getInt(i));
        }

        int[] nodeOfRank = null;
        int[] rankOfNode = null;
        if (!inRankOrder(n, layers, blocks)) {
            nodeOfRank = new int[n];
            for (int i = 0; i < n; i++) {
                nodeOfRank[i] = i;
            }
            IntArrays.quickSort(nodeOfRank, (a, b) -> {
                int c = Integer.compare(layers[a], layers[b]);
                if (c == 0) {
                    c = Integer.compare(blocks[a], blocks[b]);
                }
                return c != 0 ? c : Integer.compare(a, b);
            });
            rankOfNode = new int[n];
            for (int r = 0; r < n; r++) {
                rankOfNode[nodeOfRank[r]] = r;
            }
        }
        return new IrProgram(n, kinds, aluKind.toByteArray(), bit.toShortArray(), layers, blocks,
                width.toIntArray(), macros, auxes, start, succ, mergeSetStart.toIntArray(),
                mergeSetMacros.toIntArray(), rankOfNode, nodeOfRank, maxLayer + 1, maxMacro + 1, idsInOrder);
    }

    private static boolean inRankOrder(int n, int[] layers, int[] blocks) {
        for (int i = 1; i < n; i++) {
            if (layers[i] < layers[i - 1] || (layers[i] == layers[i - 1] && blocks[i] < blocks[i - 1])) {
                return false;
            }
        }
        return true;
    }

    /** Kahn's algorithm; on failure, walks back along unfinished predecessors to name one actual cycle. */
    private static void checkAcyclic(int n, int[] start, int[] succ) {
        int[] indegree = new int[n];
        for (int s : succ) {
            indegree[s]++;
        }
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (indegree[i] == 0) {
                queue[tail++] = i;
            }
        }
        while (head < tail) {
            int v = queue[head++];
            for (int k = start[v]; k < start[v + 1]; k++) {
                if (--indegree[succ[k]] == 0) {
                    queue[tail++] = succ[k];
                }
            }
        }
        if (tail == n) {
            return;
        }
        // Every node left has a predecessor that is also left, so walking predecessors must revisit a node.
        int[] somePredecessor = new int[n];
        Arrays.fill(somePredecessor, -1);
        for (int v = 0; v < n; v++) {
            if (indegree[v] > 0) {
                for (int k = start[v]; k < start[v + 1]; k++) {
                    if (indegree[succ[k]] > 0) {
                        somePredecessor[succ[k]] = v;
                    }
                }
            }
        }
        int v = 0;
        while (indegree[v] == 0) {
            v++;
        }
        int[] seenAt = new int[n];
        Arrays.fill(seenAt, -1);
        IntArrayList walk = new IntArrayList();
        while (seenAt[v] < 0) {
            seenAt[v] = walk.size();
            walk.add(v);
            v = somePredecessor[v];
        }
        IntArrayList cycle = new IntArrayList();
        for (int i = walk.size() - 1; i >= seenAt[v]; i--) {
            cycle.add(walk.getInt(i));
        }
        StringBuilder ids = new StringBuilder();
        int shown = Math.min(cycle.size(), 20);
        for (int i = 0; i < shown; i++) {
            ids.append(cycle.getInt(i)).append(" -> ");
        }
        ids.append(shown < cycle.size() ? "... -> " + cycle.getInt(0) : String.valueOf(cycle.getInt(0)));
        throw new InvalidSimulationInputException("IR program has a dependency cycle: " + ids
                + " (" + (n - tail) + " IRs cannot run)");
    }

    private int add(IrKind k, int alu, int layerIndex, int blockIndex, int bitIndex, int w, int macroIndex,
            int auxValue) {
        if (layerIndex < 0) {
            throw invalid(k + " IR " + size() + ": layer must be >= 0, got " + layerIndex);
        }
        if (blockIndex < 0) {
            throw invalid(k + " IR " + size() + ": block (cnt) must be >= 0, got " + blockIndex);
        }
        checkMacro(macroIndex, k);
        kind.add(k.code());
        aluKind.add((byte) alu);
        bit.add((short) bitIndex);
        layer.add(layerIndex);
        block.add(blockIndex);
        width.add(w);
        macro.add(macroIndex);
        aux.add(auxValue);
        return kind.size() - 1;
    }

    private void checkBit(int b) {
        if (b < 0 || b > Short.MAX_VALUE) {
            throw invalid("IR " + size() + ": bit must be in 0.." + Short.MAX_VALUE + ", got " + b);
        }
    }

    private void checkPositive(int value, String field, IrKind k) {
        if (value < 1) {
            throw invalid(k + " IR " + size() + ": " + field + " must be >= 1, got " + value);
        }
    }

    private void checkMacro(int m, IrKind k) {
        if (m < 0) {
            throw invalid(k + " IR " + size() + ": macro must be >= 0, got " + m);
        }
    }

    private static InvalidSimulationInputException invalid(String message) {
        return new InvalidSimulationInputException(message);
    }
}
