package org.pimsyn.sim.ir;

import java.util.Arrays;

/**
 * An immutable IR dataflow DAG, stored column-wise: one primitive array per field, indexed by the int id
 * {@link IrProgramBuilder} returned, and the successor lists in CSR form. Nothing is stored per node but
 * primitives (about 24 bytes per node plus 4 per edge), so programs of millions of nodes stay compact and
 * the simulator walks them without touching objects.
 *
 * <p>Where an IR runs: {@link #macro(int)} is its macro; for a TRANSFER that is the source macro and
 * {@link #dstMacro(int)} the destination; for a MERGE it is the destination macro and
 * {@link #mergeSources(int)} lists the layer's source macros (stored once per distinct set).
 *
 * <p>Every IR also has an arbitration rank: its position in the order (layer, block, id). The simulator breaks
 * ties among IRs ready at the same cycle by this rank.
 */
public final class IrProgram {
    /** Bit index of IRs that are not bit-specific (LOAD, STORE, MERGE, TRANSFER). */
    public static final int NO_BIT = -1;

    private final int size;
    private final byte[] kind;
    private final byte[] aluKind;
    private final short[] bit;
    private final int[] layer;
    private final int[] block;
    /** xb_num for MVM, vec_width for every other kind. */
    private final int[] width;
    private final int[] macro;
    /** Destination macro of a TRANSFER, source-set index of a MERGE, 0 otherwise. */
    private final int[] aux;
    private final int[] successorStart;
    private final int[] successors;
    private final int[] mergeSetStart;
    private final int[] mergeSetMacros;
    /** Null when ids are already in (layer, block, id) order, which is what compilers usually emit. */
    private final int[] rankOfNode;
    private final int[] nodeOfRank;
    private final int layerCount;
    private final int macroCount;
    /** Whether every edge leads to a higher id. */
    private final boolean idsInOrder;

    IrProgram(int size, byte[] kind, byte[] aluKind, short[] bit, int[] layer, int[] block, int[] width,
            int[] macro, int[] aux, int[] successorStart, int[] successors, int[] mergeSetStart,
            int[] mergeSetMacros, int[] rankOfNode, int[] nodeOfRank, int layerCount, int macroCount,
            boolean idsInOrder) {
        this.size = size;
        this.kind = kind;
        this.aluKind = aluKind;
        this.bit = bit;
        this.layer = layer;
        this.block = block;
        this.width = width;
        this.macro = macro;
        this.aux = aux;
        this.successorStart = successorStart;
        this.successors = successors;
        this.mergeSetStart = mergeSetStart;
        this.mergeSetMacros = mergeSetMacros;
        this.rankOfNode = rankOfNode;
        this.nodeOfRank = nodeOfRank;
        this.layerCount = layerCount;
        this.macroCount = macroCount;
        this.idsInOrder = idsInOrder;
    }

    /** Number of IR nodes; ids are 0..size-1. */
    public int size() {
        return size;
    }

    public int edgeCount() {
        return successors.length;
    }

    /** One more than the highest layer index any IR names (0 for an empty program). */
    public int layerCount() {
        return layerCount;
    }

    /** One more than the highest macro index any IR names (0 for an empty program). */
    /**
     * Whether every edge leads from a lower id to a higher one, so that the ids are a topological order, as in every
     * program the dataflow compiler emits.
     */
    public boolean idsInTopologicalOrder() {
        return idsInOrder;
    }

    public int macroCount() {
        return macroCount;
    }

    public IrKind kind(int id) {
        return IrKind.ofCode(kind[id]);
    }

    /** The kind's {@link IrKind#code()}, for loops that switch on it without touching enum objects. */
    public int kindCode(int id) {
        return kind[id];
    }

    /** ALU kind of an ALU IR; null for other kinds. */
    public AluKind aluKind(int id) {
        return kind[id] == IrKind.ALU.code() ? AluKind.ofCode(aluKind[id]) : null;
    }

    /** {@link AluKind#code()} of an ALU IR; meaningless for other kinds. */
    public int aluKindCode(int id) {
        return aluKind[id];
    }

    public int layer(int id) {
        return layer[id];
    }

    /** Computation block (the paper's cnt). */
    public int block(int id) {
        return block[id];
    }

    /** Input bit slice of MVM, ADC and ALU IRs; {@link #NO_BIT} for the others. */
    public int bit(int id) {
        return bit[id];
    }

    /** xb_num of an MVM, vec_width of any other kind: the field that sizes the IR's work. */
    public int width(int id) {
        return width[id];
    }

    /** Crossbars an MVM activates. */
    public int xbNum(int id) {
        requireKind(id, IrKind.MVM);
        return width[id];
    }

    /** Operand length (elements) of every kind but MVM. */
    public int vecWidth(int id) {
        if (kind[id] == IrKind.MVM.code()) {
            throw new IllegalArgumentException("IR " + id + " is an MVM: it has xb_num, not vec_width");
        }
        return width[id];
    }

    /** The macro the IR runs on; the source of a TRANSFER; the destination of a MERGE. */
    public int macro(int id) {
        return macro[id];
    }

    /** Source macro of a TRANSFER. */
    public int srcMacro(int id) {
        requireKind(id, IrKind.TRANSFER);
        return macro[id];
    }

    /** Destination macro of a TRANSFER or a MERGE. */
    public int dstMacro(int id) {
        if (kind[id] == IrKind.TRANSFER.code()) {
            return aux[id];
        }
        requireKind(id, IrKind.MERGE);
        return macro[id];
    }

    /** The macro_num of a MERGE: how many source macros it gathers from. */
    public int mergeSourceCount(int id) {
        requireKind(id, IrKind.MERGE);
        int set = aux[id];
        return mergeSetStart[set + 1] - mergeSetStart[set];
    }

    /** The source macros of a MERGE, ascending (a fresh copy). */
    public int[] mergeSources(int id) {
        requireKind(id, IrKind.MERGE);
        int set = aux[id];
        return Arrays.copyOfRange(mergeSetMacros, mergeSetStart[set], mergeSetStart[set + 1]);
    }

    /**
     * Index of the MERGE's source-macro set; programs store each distinct set once, so equal indices mean
     * equal sets. See {@link #mergeSetCount()}, {@link #mergeSetStart(int)}, {@link #mergeSetMacro(int)}.
     */
    public int mergeSet(int id) {
        requireKind(id, IrKind.MERGE);
        return aux[id];
    }

    public int mergeSetCount() {
        return mergeSetStart.length - 1;
    }

    /** Start of a source-macro set in the flat {@link #mergeSetMacro(int)} sequence; set+1 gives its end. */
    public int mergeSetStart(int set) {
        return mergeSetStart[set];
    }

    public int mergeSetMacro(int index) {
        return mergeSetMacros[index];
    }

    /** Raw destination field: the TRANSFER destination macro, or the MERGE source-set index. */
    public int auxField(int id) {
        return aux[id];
    }

    public int successorCount(int id) {
        return successorStart[id + 1] - successorStart[id];
    }

    /** First index into {@link #successorAt(int)} of the IR's successors; {@code successorStart(id + 1)} ends them. */
    public int successorStart(int id) {
        return successorStart[id];
    }

    public int successorAt(int index) {
        return successors[index];
    }

    /** Successor ids of one IR (a fresh copy, in the order the edges were added). */
    public int[] successors(int id) {
        return Arrays.copyOfRange(successors, successorStart[id], successorStart[id + 1]);
    }

    /** Position of the IR in the (layer, block, id) order. */
    public int rank(int id) {
        return rankOfNode == null ? id : rankOfNode[id];
    }

    /** The IR at a position of the (layer, block, id) order. */
    public int nodeAtRank(int rank) {
        return nodeOfRank == null ? rank : nodeOfRank[rank];
    }

    /** Heap bytes held by this program's arrays and headers (what stays reachable once built). */
    public long retainedBytes() {
        long bytes = 16 + 4 * 4 + 16 * 8L;
        bytes += arrayBytes(kind.length, 1) + arrayBytes(aluKind.length, 1) + arrayBytes(bit.length, 2);
        bytes += arrayBytes(layer.length, 4) + arrayBytes(block.length, 4) + arrayBytes(width.length, 4);
        bytes += arrayBytes(macro.length, 4) + arrayBytes(aux.length, 4);
        bytes += arrayBytes(successorStart.length, 4) + arrayBytes(successors.length, 4);
        bytes += arrayBytes(mergeSetStart.length, 4) + arrayBytes(mergeSetMacros.length, 4);
        if (rankOfNode != null) {
            bytes += arrayBytes(rankOfNode.length, 4) + arrayBytes(nodeOfRank.length, 4);
        }
        return bytes;
    }

    private static long arrayBytes(int length, int elementBytes) {
        long raw = 16L + (long) length * elementBytes;
        return (raw + 7) & ~7L;
    }

    /** A one-line description for messages: {@code IR 12 (ADC layer 2 block 5 bit 3 on macro 4)}. */
    public String describe(int id) {
        StringBuilder sb = new StringBuilder("IR ").append(id).append(" (").append(kind(id));
        if (kind[id] == IrKind.ALU.code()) {
            sb.append(' ').append(aluKind(id).label());
        }
        sb.append(" layer ").append(layer[id]).append(" block ").append(block[id]);
        if (bit[id] != NO_BIT) {
            sb.append(" bit ").append(bit[id]);
        }
        if (kind[id] == IrKind.TRANSFER.code()) {
            sb.append(" from macro ").append(macro[id]).append(" to macro ").append(aux[id]);
        } else if (kind[id] == IrKind.MERGE.code()) {
            sb.append(" from macros ").append(Arrays.toString(mergeSources(id))).append(" to macro ")
                    .append(macro[id]);
        } else {
            sb.append(" on macro ").append(macro[id]);
        }
        return sb.append(')').toString();
    }

    private void requireKind(int id, IrKind expected) {
        if (kind[id] != expected.code()) {
            throw new IllegalArgumentException("IR " + id + " is a " + kind(id) + ", not a " + expected);
        }
    }
}
