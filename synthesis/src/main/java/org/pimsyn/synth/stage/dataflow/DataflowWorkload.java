package org.pimsyn.synth.stage.dataflow;

import org.pimsyn.sim.ir.AluKind;

/**
 * The work of one image per weight layer, as the compiled IRs carry it: what stage 4 balances components over
 * (the paper's Eq. 6). Work attributed to a weight layer includes its owned non-weight layers; a TRANSFER counts
 * for the layer it names (a block's inputs sent to the layer's other macros, or its stored outputs sent to a
 * consumer's home). Bits are elements times the activation precision.
 */
public final class DataflowWorkload {
    // Filled by the compiler while it emits the program, read-only once handed out.
    final long[] adcConversions;
    final long[] crossbarActivations;
    /** Index k x AluKind.COUNT + kind code. */
    final long[] aluElements;
    final long[] loadedBits;
    final long[] storedBits;
    final long[] transferredBits;
    final long[] mergedBits;

    DataflowWorkload(int layers) {
        adcConversions = new long[layers];
        crossbarActivations = new long[layers];
        aluElements = new long[layers * AluKind.COUNT];
        loadedBits = new long[layers];
        storedBits = new long[layers];
        transferredBits = new long[layers];
        mergedBits = new long[layers];
    }

    public int layerCount() {
        return adcConversions.length;
    }

    /** ADC conversions: the sum of the layer's ADC vec_widths. */
    public long adcConversions(int k) {
        return adcConversions[k];
    }

    /** Crossbar activations: the sum of the layer's MVM xb_nums (one per crossbar per input bit slice). */
    public long crossbarActivations(int k) {
        return crossbarActivations[k];
    }

    /** Elements the layer's ALU IRs of one kind process: the sum of their vec_widths. */
    public long aluElements(int k, AluKind kind) {
        return aluElements[k * AluKind.COUNT + kind.code()];
    }

    public long loadedBits(int k) {
        return loadedBits[k];
    }

    public long storedBits(int k) {
        return storedBits[k];
    }

    public long transferredBits(int k) {
        return transferredBits[k];
    }

    /**
     * Bits the layer's MERGEs gather: vec_width (partial outputs per remote macro) times remote macros times the
     * activation precision, as the simulator moves them.
     */
    public long mergedBits(int k) {
        return mergedBits[k];
    }

    public long totalAdcConversions() {
        return sum(adcConversions);
    }

    public long totalAluElements(AluKind kind) {
        long total = 0;
        for (int k = 0; k < layerCount(); k++) {
            total += aluElements(k, kind);
        }
        return total;
    }

    public long totalTransferredBits() {
        return sum(transferredBits);
    }

    public long totalMergedBits() {
        return sum(mergedBits);
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }
}
