package org.pimsyn.synth.stage.dataflow;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where one weight layer's crossbars sit: the macros it occupies, its home macro first, and how many of its
 * crossbars each of them holds. Layers that share macros list the same macro ids.
 *
 * <p>The layer's crossbars, numbered copy by copy (within a copy: group, row tile, column tile, weight slice),
 * fill the macros in the order listed: the home macro holds the first {@code crossbars(0)}, the next macro the
 * following ones, and so on. The home macro therefore always holds the start of copy 0, which every block uses.
 */
public final class LayerPlacement {
    private final int[] macros;
    private final int[] crossbars;

    /**
     * @param macros    distinct macro ids (>= 0), home first
     * @param crossbars crossbars of the layer in each of those macros (>= 1 each)
     */
    public LayerPlacement(int[] macros, int[] crossbars) {
        Objects.requireNonNull(macros, "macros");
        Objects.requireNonNull(crossbars, "crossbars");
        if (macros.length == 0) {
            throw new IllegalArgumentException("a layer needs at least one macro");
        }
        if (macros.length != crossbars.length) {
            throw new IllegalArgumentException(macros.length + " macros but " + crossbars.length
                    + " crossbar counts");
        }
        long total = 0;
        for (int i = 0; i < macros.length; i++) {
            if (macros[i] < 0) {
                throw new IllegalArgumentException("macro ids must be >= 0, got " + macros[i]);
            }
            if (crossbars[i] < 1) {
                throw new IllegalArgumentException("macro " + macros[i] + " must hold at least one crossbar, got "
                        + crossbars[i]);
            }
            for (int j = 0; j < i; j++) {
                if (macros[j] == macros[i]) {
                    throw new IllegalArgumentException("macro " + macros[i] + " is listed twice");
                }
            }
            total += crossbars[i];
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("crossbar counts sum to " + total + ", beyond " + Integer.MAX_VALUE);
        }
        this.macros = macros.clone();
        this.crossbars = crossbars.clone();
    }

    /** All crossbars in one macro. */
    public static LayerPlacement single(int macro, int crossbars) {
        return new LayerPlacement(new int[] {macro}, new int[] {crossbars});
    }

    public int home() {
        return macros[0];
    }

    public int macroCount() {
        return macros.length;
    }

    /** The i-th macro (0 is the home macro). */
    public int macro(int i) {
        return macros[i];
    }

    /** Crossbars of the layer in the i-th macro. */
    public int crossbars(int i) {
        return crossbars[i];
    }

    public int totalCrossbars() {
        int total = 0;
        for (int c : crossbars) {
            total += c;
        }
        return total;
    }

    public int[] macros() {
        return macros.clone();
    }

    public int[] crossbars() {
        return crossbars.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerPlacement other && Arrays.equals(macros, other.macros)
                && Arrays.equals(crossbars, other.crossbars);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(macros) + Arrays.hashCode(crossbars);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < macros.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append("macro ").append(macros[i]).append(": ").append(crossbars[i]);
        }
        return sb.append(']').toString();
    }
}
