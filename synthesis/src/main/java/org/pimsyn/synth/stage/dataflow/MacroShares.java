package org.pimsyn.synth.stage.dataflow;

import org.pimsyn.synth.mapping.CrossbarSet;

/**
 * What each macro of a layer does in a block with a given number of active copies. The layer's crossbars are
 * numbered copy by copy and, within a copy, by group, row tile, column tile and weight slice; the macros hold
 * consecutive ranges of that numbering (see {@link LayerPlacement}). A block with A active copies uses crossbars
 * 0..A x set - 1, so a macro takes part when its range starts below that.
 *
 * <p>Per taking part macro: the crossbars it activates, its ADC conversions (one per column of each active
 * crossbar), the inputs it needs (the rows of every (copy, group, row tile) it touches) and the partial outputs
 * it yields (one per column of every (copy, group, row tile, column tile) it touches).
 */
final class MacroShares {
    /** Number of macros taking part; they are macros 0..count-1 of the placement (the home macro first). */
    final int count;
    final int[] crossbars;
    final int[] conversions;
    final int[] inputs;
    final int[] partials;
    /** Macro ids of the macros taking part. */
    final int[] macroIds;
    /** MERGE vec_width: partial outputs per remote macro, rounded up (0 when only the home macro takes part). */
    final int mergeVec;
    final long conversionsTotal;

    MacroShares(CrossbarSet set, int xbSize, LayerPlacement placement, int activeCopies) {
        long end = (long) activeCopies * set.size();
        int n = 0;
        long lo = 0;
        while (n < placement.macroCount() && lo < end) {
            lo += placement.crossbars(n);
            n++;
        }
        count = n;
        crossbars = new int[n];
        conversions = new int[n];
        inputs = new int[n];
        partials = new int[n];
        macroIds = new int[n];
        long start = 0;
        long remotePartials = 0;
        long total = 0;
        for (int i = 0; i < n; i++) {
            long stop = Math.min(start + placement.crossbars(i), end);
            macroIds[i] = placement.macro(i);
            crossbars[i] = (int) (stop - start);
            conversions[i] = (int) (conversionsBefore(set, xbSize, stop) - conversionsBefore(set, xbSize, start));
            inputs[i] = (int) inputsOf(set, xbSize, start, stop);
            partials[i] = (int) partialsOf(set, xbSize, start, stop);
            total += conversions[i];
            if (i > 0) {
                remotePartials += partials[i];
            }
            start += placement.crossbars(i);
        }
        conversionsTotal = total;
        mergeVec = n > 1 ? (int) ceilDiv(remotePartials, n - 1) : 0;
    }

    /**
     * The fewest input elements the layer's other macros receive from its home in a block of
     * {@code activeCopies} copies, where the home holds at most {@code homeCrossbars} of the layer's crossbars: the
     * others hold the block's crossbars from the home's last on, so between them they touch every (copy, group, row
     * tile) unit from the one holding the home's last crossbar to the block's last, and each needs that unit's rows
     * (a unit split between macros is counted once here). Rows add up unit by unit, so fewer crossbars at home
     * only add to it.
     */
    static long leastRemoteInputs(CrossbarSet set, int xbSize, int activeCopies, long homeCrossbars) {
        long end = (long) activeCopies * set.size();
        return end <= homeCrossbars ? 0 : inputsOf(set, xbSize, homeCrossbars, end);
    }

    /**
     * The fewest partial outputs the layer's other macros send its home in a block, likewise: the columns of every
     * (copy, group, row tile, column tile) from the one holding the home's last crossbar to the block's last.
     */
    static long leastRemotePartials(CrossbarSet set, int xbSize, int activeCopies, long homeCrossbars) {
        long end = (long) activeCopies * set.size();
        return end <= homeCrossbars ? 0 : partialsOf(set, xbSize, homeCrossbars, end);
    }

    /** Inputs a macro holding crossbars start..stop-1 needs: the rows of every (copy, group, row tile) it touches. */
    private static long inputsOf(CrossbarSet set, int xbSize, long start, long stop) {
        return rowsOfUnits(set, xbSize, ceilDiv(stop, unitCrossbars(set)))
                - rowsOfUnits(set, xbSize, start / unitCrossbars(set));
    }

    /**
     * Partial outputs a macro holding crossbars start..stop-1 yields: the columns of every (copy, group, row tile,
     * column tile) it touches.
     */
    private static long partialsOf(CrossbarSet set, int xbSize, long start, long stop) {
        return columnsOfTiles(set, xbSize, ceilDiv(stop, set.slices()))
                - columnsOfTiles(set, xbSize, start / set.slices());
    }

    /** Crossbars of one (copy, group, row tile): its column tiles times its weight slices. */
    private static long unitCrossbars(CrossbarSet set) {
        return (long) set.colTiles() * set.slices();
    }

    /** ADC conversions of crossbars 0..x-1. */
    static long conversionsBefore(CrossbarSet set, int xbSize, long x) {
        long copy = x / set.size();
        long j = x % set.size();
        long unit = j / unitCrossbars(set);
        long rem = j % unitCrossbars(set);
        long tile = rem / set.slices();
        long slice = rem % set.slices();
        int cols = set.columnsPerGroup();
        return copy * set.conversionsPerCopy() + unit * cols * set.slices()
                + Math.min(tile * xbSize, cols) * set.slices() + slice * Math.min(xbSize, cols - tile * xbSize);
    }

    /** Input rows of the first v (copy, group, row tile) units. */
    private static long rowsOfUnits(CrossbarSet set, int xbSize, long v) {
        return v / set.rowTiles() * set.rowsPerGroup() + Math.min(v % set.rowTiles() * xbSize, set.rowsPerGroup());
    }

    /** Output columns of the first w (copy, group, row tile, column tile) tiles. */
    private static long columnsOfTiles(CrossbarSet set, int xbSize, long w) {
        return w / set.colTiles() * set.columnsPerGroup()
                + Math.min(w % set.colTiles() * xbSize, set.columnsPerGroup());
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
