package org.pimsyn.synth.mapping;

import org.pimsyn.synth.network.Layer;

/**
 * How one copy of a weight layer's weights maps onto crossbars (the paper's Eq. 1, extended to grouped
 * convolutions): each group's K_h x K_w x C_in/groups rows split into {@code rowTiles} crossbars, its
 * C_out/groups columns into {@code colTiles}, and every weight's bits into {@code slices} cells of
 * {@code cellBits} each, one crossbar per slice.
 *
 * <p>set = groups x ceil(rows / XbSize) x ceil(columns / XbSize) x ceil(PrecWt / ResRram).
 */
public record CrossbarSet(int groups, int rowTiles, int colTiles, int slices, int rowsPerGroup, int columnsPerGroup) {

    public CrossbarSet {
        if (groups < 1 || rowTiles < 1 || colTiles < 1 || slices < 1 || rowsPerGroup < 1 || columnsPerGroup < 1) {
            throw new IllegalArgumentException("crossbar set figures must be positive");
        }
    }

    public static CrossbarSet of(Layer layer, int xbSize, int cellBits, int weightBits) {
        if (!layer.hasWeights()) {
            throw new IllegalArgumentException("layer '" + layer.name() + "' (" + layer.op() + ") holds no weights");
        }
        if (xbSize < 1 || cellBits < 1 || weightBits < 1) {
            throw new IllegalArgumentException("crossbar size, cell bits and weight bits must be positive");
        }
        int groups = layer.groups();
        int rows = layer.weightRows();
        int columns = layer.outChannels() / groups;
        return new CrossbarSet(groups, ceilDiv(rows, xbSize), ceilDiv(columns, xbSize), ceilDiv(weightBits, cellBits),
                rows, columns);
    }

    /** Crossbars of one weight copy. */
    public int size() {
        return groups * rowTiles * colTiles * slices;
    }

    /**
     * Analog column outputs one copy produces per input bit slice, each needing one ADC conversion: every
     * row tile yields a partial sum per output column and weight slice.
     */
    public long conversionsPerCopy() {
        return (long) groups * rowTiles * columnsPerGroup * slices;
    }

    /** Largest number of macros a layer with {@code wtDup} copies may span (rule (c)): one row tile of a copy each. */
    public long maxMacros(int wtDup) {
        return (long) wtDup * groups * rowTiles;
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
