package org.pimsyn.synth.stage.partition;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;

/**
 * The macro-partitioning rules of one weight-duplication candidate (the paper's Section IV-C1):
 * <ol type="a">
 * <li>a layer occupies one or more macros;</li>
 * <li>two layers may share the same set of macros (only where sharing is allowed; a layer shares with at most
 * one other, so pairs are disjoint);</li>
 * <li>layer i spans at most {@code WtDup_i x groups x row tiles} macros (one row tile of a copy each,
 * {@link org.pimsyn.synth.mapping.CrossbarSet#maxMacros}) and at most its crossbar count: every macro holds at
 * least one crossbar of each layer it serves. A pair spans at most the smaller limit of its two layers.</li>
 * </ol>
 * Specified macros take each layer's (or pair's) macro count from the gene. Unified macros all have the gene's
 * size S (in crossbars): a layer spans ceil(crossbars / S) macros, a pair pools into ceil((a + b) / S) macros,
 * and rule (c) must hold for those counts; sizes for which some single layer breaks it are not usable.
 *
 * <p>Immutable; it also makes the genes the search starts from.
 */
public final class PartitionRules {
    private final int[] crossbars;
    private final int[] limit;
    private final boolean sharing;
    private final boolean unified;
    private final int[] usableSizes;
    private final String infeasibleReason;

    private PartitionRules(int[] crossbars, long[] maxMacros, boolean sharing, boolean unified, int[] sizes) {
        if (crossbars.length == 0 || crossbars.length != maxMacros.length) {
            throw new IllegalArgumentException("need crossbars and macro limits for every layer, got "
                    + crossbars.length + " and " + maxMacros.length);
        }
        this.crossbars = crossbars.clone();
        this.limit = new int[crossbars.length];
        for (int k = 0; k < crossbars.length; k++) {
            if (crossbars[k] < 1 || maxMacros[k] < 1) {
                throw new IllegalArgumentException("layer " + k + ": crossbars and macro limit must be >= 1");
            }
            limit[k] = (int) Math.min(crossbars[k], maxMacros[k]);
        }
        this.sharing = sharing;
        this.unified = unified;
        if (unified) {
            int[] usable = new int[sizes.length];
            int n = 0;
            for (int size : sizes) {
                if (size < 1) {
                    throw new IllegalArgumentException("macro sizes must be >= 1, got " + size);
                }
                if (firstBrokenAt(size) < 0) {
                    usable[n++] = size;
                }
            }
            this.usableSizes = Arrays.copyOf(usable, n);
            Arrays.sort(usableSizes);
            if (n == 0) {
                int largest = Arrays.stream(sizes).max().orElse(0);
                int k = largest == 0 ? 0 : firstBrokenAt(largest);
                infeasibleReason = sizes.length == 0 ? "no unified macro size to choose from"
                        : "no unified macro size of " + Arrays.toString(sizes) + " crossbars obeys rule (c): even at "
                                + largest + " crossbars per macro, weight layer " + k + " would span "
                                + ceilDiv(crossbars[k], largest) + " macros, more than its limit of " + limit[k];
            } else {
                infeasibleReason = "";
            }
        } else {
            this.usableSizes = new int[0];
            this.infeasibleReason = "";
        }
    }

    /** Specified macros: per-layer counts from the gene. */
    public static PartitionRules specified(int[] crossbars, long[] maxMacros, boolean sharing) {
        return new PartitionRules(crossbars, maxMacros, sharing, false, new int[0]);
    }

    /** Unified macros of one of {@code sizesCrossbars} (in crossbars). */
    public static PartitionRules unified(int[] crossbars, long[] maxMacros, boolean sharing, int[] sizesCrossbars) {
        return new PartitionRules(crossbars, maxMacros, sharing, true, sizesCrossbars.clone());
    }

    /** The rules of a compiled skeleton: its crossbars per weight layer and rule (c)'s limits. */
    public static PartitionRules of(DataflowSkeleton skeleton, boolean unified, boolean sharing,
            int[] sizesCrossbars) {
        int k = skeleton.weightLayerCount();
        int[] crossbars = new int[k];
        long[] maxMacros = new long[k];
        for (int i = 0; i < k; i++) {
            crossbars[i] = skeleton.crossbarsOf(i);
            maxMacros[i] = skeleton.crossbarSet(i).maxMacros(skeleton.spec().wtDup(i));
        }
        return unified ? unified(crossbars, maxMacros, sharing, sizesCrossbars)
                : specified(crossbars, maxMacros, sharing);
    }

    public int layers() {
        return crossbars.length;
    }

    public int crossbars(int k) {
        return crossbars[k];
    }

    /** Crossbars of every layer. */
    public int[] crossbars() {
        return crossbars.clone();
    }

    /** Rule (c): the most macros layer k may span. */
    public int limit(int k) {
        return limit[k];
    }

    /** The most macros a pair of layers may span: the smaller of their limits. */
    public int pairLimit(int a, int b) {
        return Math.min(limit[a], limit[b]);
    }

    public boolean sharing() {
        return sharing;
    }

    public boolean unified() {
        return unified;
    }

    /** Unified sizes for which every layer alone obeys rule (c), ascending; empty for specified macros. */
    public int[] usableSizes() {
        return usableSizes.clone();
    }

    /** False where no gene obeys the rules (unified macros with no usable size). */
    public boolean feasible() {
        return infeasibleReason.isEmpty();
    }

    /** Why no gene obeys the rules; empty where some does. */
    public String infeasibleReason() {
        return infeasibleReason;
    }

    /** Unified macros: the macros a layer alone spans at size S. */
    public int macrosAt(int size, int k) {
        return ceilDiv(crossbars[k], size);
    }

    /** Unified macros: the macros a pair pools into at size S. */
    public int pairMacrosAt(int size, int a, int b) {
        return (int) ceilDiv((long) crossbars[a] + crossbars[b], size);
    }

    /** Unified macros: whether two layers may share at size S. */
    public boolean canPairAt(int size, int a, int b) {
        return pairMacrosAt(size, a, b) <= pairLimit(a, b);
    }

    /**
     * The gene all searches start from: each layer alone, on one macro (specified), or at the largest usable size,
     * the fewest macros (unified).
     *
     * @throws IllegalStateException where the rules are not {@link #feasible()}
     */
    public MacroGene trivial() {
        requireFeasible();
        return onFewestMacros(noPartners());
    }

    /**
     * Where sharing is allowed, the second gene all searches start from: neighbouring layers paired in order (0 with
     * 1, 2 with 3, ...; an odd last layer alone), each pair on one macro (specified), or at the largest usable size
     * with the pairs that size allows (unified). It has about half the macros of {@link #trivial()}, and so half
     * its routers and scratchpads; mutations make or break one pair at a time, so from the trivial gene they would
     * need many generations to reach it. Null where sharing is off or there is a single layer.
     *
     * @throws IllegalStateException where the rules are not {@link #feasible()}
     */
    public MacroGene paired() {
        requireFeasible();
        int n = crossbars.length;
        if (!sharing || n < 2) {
            return null;
        }
        int[] partner = noPartners();
        int largest = unified ? usableSizes[usableSizes.length - 1] : 0;
        for (int a = 0; a + 1 < n; a += 2) {
            if (!unified || canPairAt(largest, a, a + 1)) {
                partner[a] = a + 1;
                partner[a + 1] = a;
            }
        }
        return onFewestMacros(partner);
    }

    /** The gene with these pairs on one macro per layer or pair (specified), or at the largest usable size. */
    private MacroGene onFewestMacros(int[] partner) {
        if (unified) {
            return unifiedGene(usableSizes[usableSizes.length - 1], partner);
        }
        int[] ones = new int[crossbars.length];
        Arrays.fill(ones, 1);
        return new MacroGene(ones, partner, 0);
    }

    /**
     * A random gene under the rules: specified counts drawn log-uniformly from 1 to each limit (small counts, which
     * cost fewer routers and scratchpads, as likely per factor of two as large ones); a random usable size for
     * unified macros; where sharing is allowed, each layer tries to pair with a random free layer with probability
     * {@code pairProbability}.
     */
    public MacroGene random(SplittableRandom random, double pairProbability) {
        requireFeasible();
        int n = crossbars.length;
        int[] partner = noPartners();
        int size = unified ? usableSizes[random.nextInt(usableSizes.length)] : 0;
        int[] macros = new int[n];
        if (sharing) {
            for (int a = 0; a < n; a++) {
                if (partner[a] == MacroGene.NO_PARTNER && random.nextDouble() < pairProbability) {
                    int b = randomFreeLayer(random, partner, a);
                    if (b >= 0 && (!unified || canPairAt(size, a, b))) {
                        partner[a] = b;
                        partner[b] = a;
                    }
                }
            }
        }
        if (unified) {
            return unifiedGene(size, partner);
        }
        for (int k = 0; k < n; k++) {
            if (partner[k] == MacroGene.NO_PARTNER) {
                macros[k] = logUniform(random, limit[k]);
            } else if (partner[k] > k) {
                macros[k] = logUniform(random, pairLimit(k, partner[k]));
                macros[partner[k]] = macros[k];
            }
        }
        return new MacroGene(macros, partner, 0);
    }

    /** The unified gene of size S with these pairs; the counts follow from S. */
    public MacroGene unifiedGene(int size, int[] partner) {
        int[] macros = new int[crossbars.length];
        for (int k = 0; k < crossbars.length; k++) {
            int p = partner[k];
            macros[k] = p == MacroGene.NO_PARTNER ? macrosAt(size, k) : pairMacrosAt(size, Math.min(k, p),
                    Math.max(k, p));
        }
        return new MacroGene(macros, partner, size);
    }

    /** What rule the gene breaks, or null where it obeys them all. */
    public String violation(MacroGene gene) {
        if (gene.layers() != crossbars.length) {
            return "the gene has " + gene.layers() + " layers, the candidate " + crossbars.length;
        }
        if (unified != (gene.macroSizeCrossbars() > 0)) {
            return unified ? "unified macros need a macro size" : "specified macros have no macro size";
        }
        if (unified && Arrays.binarySearch(usableSizes, gene.macroSizeCrossbars()) < 0) {
            return "macro size " + gene.macroSizeCrossbars() + " is not among the usable sizes "
                    + Arrays.toString(usableSizes);
        }
        for (int k = 0; k < crossbars.length; k++) {
            int p = gene.partner(k);
            if (p != MacroGene.NO_PARTNER && !sharing) {
                return "layer " + k + " shares macros with layer " + p + " but sharing is off";
            }
            int max = p == MacroGene.NO_PARTNER ? limit[k] : pairLimit(k, p);
            if (gene.macros(k) > max) {
                return "layer " + k + " spans " + gene.macros(k) + " macros, more than its limit of " + max
                        + " (rule c)";
            }
            if (unified) {
                int expected = p == MacroGene.NO_PARTNER ? macrosAt(gene.macroSizeCrossbars(), k)
                        : pairMacrosAt(gene.macroSizeCrossbars(), Math.min(k, p), Math.max(k, p));
                if (gene.macros(k) != expected) {
                    return "layer " + k + " spans " + gene.macros(k) + " macros; at size "
                            + gene.macroSizeCrossbars() + " it needs " + expected;
                }
            }
        }
        return null;
    }

    /** A layer other than {@code self} without a partner, chosen uniformly, or -1 where there is none. */
    static int randomFreeLayer(SplittableRandom random, int[] partner, int self) {
        int free = 0;
        for (int k = 0; k < partner.length; k++) {
            if (k != self && partner[k] == MacroGene.NO_PARTNER) {
                free++;
            }
        }
        if (free == 0) {
            return -1;
        }
        int pick = random.nextInt(free);
        for (int k = 0; k < partner.length; k++) {
            if (k != self && partner[k] == MacroGene.NO_PARTNER && pick-- == 0) {
                return k;
            }
        }
        throw new AssertionError("unreachable");
    }

    /** An integer in 1..max drawn log-uniformly: floor(e^(u ln(max + 1))) with u uniform in [0, 1). */
    static int logUniform(SplittableRandom random, int max) {
        if (max <= 1) {
            return 1;
        }
        int value = (int) Math.exp(random.nextDouble() * Math.log(max + 1.0));
        return Math.max(1, Math.min(max, value));
    }

    int[] noPartners() {
        int[] partner = new int[crossbars.length];
        Arrays.fill(partner, MacroGene.NO_PARTNER);
        return partner;
    }

    private void requireFeasible() {
        if (!feasible()) {
            throw new IllegalStateException(infeasibleReason);
        }
    }

    /** First layer that breaks rule (c) at unified size S, or -1. */
    private int firstBrokenAt(int size) {
        for (int k = 0; k < crossbars.length; k++) {
            if (macrosAt(size, k) > limit[k]) {
                return k;
            }
        }
        return -1;
    }

    private static int ceilDiv(int a, int b) {
        return (int) ceilDiv((long) a, (long) b);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
