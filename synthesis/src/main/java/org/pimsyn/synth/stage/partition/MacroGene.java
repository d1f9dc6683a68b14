package org.pimsyn.synth.stage.partition;

import java.util.Arrays;
import java.util.Objects;

/**
 * One macro partition (the paper's MacAlloc gene): per weight layer the number of macros it spans and the layer it
 * shares them with, if any, plus the macro size of unified macros. Sharing is symmetric: {@code partner(a) == b}
 * exactly when {@code partner(b) == a}; a layer shares with at most one other, and both members of a pair span
 * the pair's macros, so they hold the same count. The earlier layer of a pair owns the macros (the paper encodes
 * the later one as {@code earlier x 1000 + macros}).
 *
 * <p>Immutable and value-equal; the arrays are copied in and out. Whether a gene obeys the partitioning rules of
 * a candidate is for {@link PartitionRules} to say.
 */
public final class MacroGene {
    /** Partner of a layer that shares with none. */
    public static final int NO_PARTNER = -1;

    private final int[] macros;
    private final int[] partner;
    private final int macroSizeCrossbars;
    private final int hash;

    /**
     * @param macros             macros per weight layer (>= 1)
     * @param partner            per weight layer the other layer of its pair, or {@link #NO_PARTNER}
     * @param macroSizeCrossbars crossbars per macro of unified macros; 0 for specified macros
     */
    public MacroGene(int[] macros, int[] partner, int macroSizeCrossbars) {
        Objects.requireNonNull(macros, "macros");
        Objects.requireNonNull(partner, "partner");
        if (macros.length != partner.length || macros.length == 0) {
            throw new IllegalArgumentException("a gene needs one macro count and one partner per layer, got "
                    + macros.length + " and " + partner.length);
        }
        if (macroSizeCrossbars < 0) {
            throw new IllegalArgumentException("macro size must be >= 0, got " + macroSizeCrossbars);
        }
        for (int k = 0; k < macros.length; k++) {
            if (macros[k] < 1) {
                throw new IllegalArgumentException("layer " + k + " spans " + macros[k] + " macros; at least 1");
            }
            int p = partner[k];
            if (p == NO_PARTNER) {
                continue;
            }
            if (p < 0 || p >= macros.length || p == k || partner[p] != k) {
                throw new IllegalArgumentException("layer " + k + " names partner " + p
                        + ", which does not name it back");
            }
            if (macros[p] != macros[k]) {
                throw new IllegalArgumentException("layers " + k + " and " + p + " share macros but span "
                        + macros[k] + " and " + macros[p]);
            }
        }
        this.macros = macros.clone();
        this.partner = partner.clone();
        this.macroSizeCrossbars = macroSizeCrossbars;
        this.hash = 31 * (31 * Arrays.hashCode(macros) + Arrays.hashCode(partner)) + macroSizeCrossbars;
    }

    /** Each layer alone on the given number of macros. */
    public static MacroGene unshared(int[] macros, int macroSizeCrossbars) {
        int[] partner = new int[macros.length];
        Arrays.fill(partner, NO_PARTNER);
        return new MacroGene(macros, partner, macroSizeCrossbars);
    }

    public int layers() {
        return macros.length;
    }

    /** Macros layer k spans (for a pair: the pair's macros). */
    public int macros(int k) {
        return macros[k];
    }

    /** The layer sharing layer k's macros, or {@link #NO_PARTNER}. */
    public int partner(int k) {
        return partner[k];
    }

    public boolean shares(int k) {
        return partner[k] != NO_PARTNER;
    }

    /** True where layer k owns its macros: it shares with none, or it is the earlier layer of its pair. */
    public boolean ownsMacros(int k) {
        return partner[k] == NO_PARTNER || partner[k] > k;
    }

    /** Crossbars per macro of unified macros; 0 for specified macros. */
    public int macroSizeCrossbars() {
        return macroSizeCrossbars;
    }

    /** Distinct macros of the design: a pair's macros counted once. */
    public int totalMacros() {
        int total = 0;
        for (int k = 0; k < macros.length; k++) {
            if (ownsMacros(k)) {
                total += macros[k];
            }
        }
        return total;
    }

    /** Sharing pairs. */
    public int pairs() {
        int pairs = 0;
        for (int k = 0; k < partner.length; k++) {
            if (partner[k] > k) {
                pairs++;
            }
        }
        return pairs;
    }

    public int[] macros() {
        return macros.clone();
    }

    public int[] partners() {
        return partner.clone();
    }

    /**
     * The paper's integer encoding: {@code owner x 1000 + macros} per layer, where the owner is the layer itself
     * or, for the later layer of a pair, the earlier one.
     */
    public long[] encoded() {
        long[] code = new long[macros.length];
        for (int k = 0; k < macros.length; k++) {
            int owner = partner[k] != NO_PARTNER && partner[k] < k ? partner[k] : k;
            code[k] = owner * 1000L + macros[k];
        }
        return code;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacroGene other && hash == other.hash && macroSizeCrossbars == other.macroSizeCrossbars
                && Arrays.equals(macros, other.macros) && Arrays.equals(partner, other.partner);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Per layer its macros, and {@code =j} where it shares layer j's; the unified size last. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < macros.length; k++) {
            if (k > 0) {
                sb.append(", ");
            }
            sb.append(macros[k]);
            if (partner[k] != NO_PARTNER && partner[k] < k) {
                sb.append('=').append(partner[k]);
            }
        }
        sb.append(']');
        if (macroSizeCrossbars > 0) {
            sb.append(" x ").append(macroSizeCrossbars).append(" crossbars");
        }
        return sb.toString();
    }
}
