package org.pimsyn.synth.stage.partition;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.pimsyn.synth.hardware.PhysicalLimits;
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
 * <p>The library's physical limits ({@link PhysicalLimits}) add two rules:
 * <ol type="a" start="4">
 * <li>no macro holds more than {@code crossbarsPerMacro} crossbars. A layer's crossbars spread evenly over its
 * macros ({@link MacroLayout}), so layer i spans at least ceil(crossbars_i / limit) macros and a pair at least
 * ceil((a + b) / limit); unified sizes above the limit are not usable. Where rule (c) allows a layer fewer macros
 * than that, no gene obeys the rules.</li>
 * <li>a design has at most {@code meshRows x meshCols} macros. Where even the fewest macros any gene can have
 * exceed it, no gene obeys the rules; otherwise specified genes are drawn and mutated within it where their
 * least counts allow ({@link #fitMesh}), and a gene over it scores 0 ({@link #meshExcess}).</li>
 * </ol>
 * Without limits every least count is 1 and the mesh unbounded: the rules, and the random draws of the search,
 * are those of the paper.
 *
 * <p>Immutable; it also makes the genes the search starts from.
 */
public final class PartitionRules {
    private final int[] crossbars;
    private final int[] limit;
    /** Rule (d): the fewest macros layer k may span alone. */
    private final int[] least;
    private final int crossbarsPerMacro;
    private final PhysicalLimits limits;
    private final boolean sharing;
    private final boolean unified;
    private final int[] usableSizes;
    private final String infeasibleReason;

    private PartitionRules(int[] crossbars, long[] maxMacros, boolean sharing, boolean unified, int[] sizes,
            PhysicalLimits limits) {
        if (crossbars.length == 0 || crossbars.length != maxMacros.length) {
            throw new IllegalArgumentException("need crossbars and macro limits for every layer, got "
                    + crossbars.length + " and " + maxMacros.length);
        }
        this.crossbars = crossbars.clone();
        this.limits = limits;
        this.crossbarsPerMacro = limits.maxCrossbarsPerMacro();
        this.limit = new int[crossbars.length];
        this.least = new int[crossbars.length];
        for (int k = 0; k < crossbars.length; k++) {
            if (crossbars[k] < 1 || maxMacros[k] < 1) {
                throw new IllegalArgumentException("layer " + k + ": crossbars and macro limit must be >= 1");
            }
            limit[k] = (int) Math.min(crossbars[k], maxMacros[k]);
            least[k] = ceilDiv(crossbars[k], crossbarsPerMacro);
        }
        this.sharing = sharing;
        this.unified = unified;
        String reason = "";
        if (unified) {
            int[] usable = new int[sizes.length];
            int n = 0;
            for (int size : sizes) {
                if (size < 1) {
                    throw new IllegalArgumentException("macro sizes must be >= 1, got " + size);
                }
                if (size <= crossbarsPerMacro && firstBrokenAt(size) < 0) {
                    usable[n++] = size;
                }
            }
            this.usableSizes = Arrays.copyOf(usable, n);
            Arrays.sort(usableSizes);
            if (n == 0) {
                int largest = Arrays.stream(sizes).filter(z -> z <= crossbarsPerMacro).max().orElse(0);
                int k = largest == 0 ? 0 : firstBrokenAt(largest);
                reason = sizes.length == 0 ? "no unified macro size to choose from"
                        : largest == 0 ? "no unified macro size of " + Arrays.toString(sizes) + " crossbars is "
                                + "within the library's limit of " + crossbarsPerMacro + " crossbars per macro"
                        : "no unified macro size of " + Arrays.toString(sizes) + " crossbars obeys rule (c): even at "
                                + largest + " crossbars per macro, weight layer " + k + " would span "
                                + ceilDiv(crossbars[k], largest) + " macros, more than its limit of " + limit[k];
            }
        } else {
            this.usableSizes = new int[0];
            for (int k = 0; k < crossbars.length && reason.isEmpty(); k++) {
                if (least[k] > limit[k]) {
                    reason = "weight layer " + k + " holds " + crossbars[k] + " crossbars: at most "
                            + crossbarsPerMacro + " per macro (the library's limits.crossbarsPerMacro) it needs at "
                            + "least " + least[k] + " macros, more than rule (c) allows (" + limit[k]
                            + ": one row tile of a weight copy per macro at least)";
                }
            }
        }
        if (reason.isEmpty() && fewestMacros() > limits.maxMacros()) {
            reason = "even the fewest macros any partition has, " + fewestMacros() + ", exceed the largest mesh of "
                    + limits.describeMesh() + " (the library's limits.meshRows and meshCols)";
        }
        this.infeasibleReason = reason;
    }

    /** Specified macros: per-layer counts from the gene. */
    public static PartitionRules specified(int[] crossbars, long[] maxMacros, boolean sharing) {
        return specified(crossbars, maxMacros, sharing, PhysicalLimits.NONE);
    }

    /** Specified macros under the library's physical limits. */
    public static PartitionRules specified(int[] crossbars, long[] maxMacros, boolean sharing,
            PhysicalLimits limits) {
        return new PartitionRules(crossbars, maxMacros, sharing, false, new int[0], limits);
    }

    /** Unified macros of one of {@code sizesCrossbars} (in crossbars). */
    public static PartitionRules unified(int[] crossbars, long[] maxMacros, boolean sharing, int[] sizesCrossbars) {
        return unified(crossbars, maxMacros, sharing, sizesCrossbars, PhysicalLimits.NONE);
    }

    /** Unified macros under the library's physical limits: sizes above its crossbars per macro are not usable. */
    public static PartitionRules unified(int[] crossbars, long[] maxMacros, boolean sharing, int[] sizesCrossbars,
            PhysicalLimits limits) {
        return new PartitionRules(crossbars, maxMacros, sharing, true, sizesCrossbars.clone(), limits);
    }

    /** The rules of a compiled skeleton: its crossbars per weight layer and rule (c)'s limits; no physical limits. */
    public static PartitionRules of(DataflowSkeleton skeleton, boolean unified, boolean sharing,
            int[] sizesCrossbars) {
        return of(skeleton, unified, sharing, sizesCrossbars, PhysicalLimits.NONE);
    }

    /** The rules of a compiled skeleton under the library's physical limits. */
    public static PartitionRules of(DataflowSkeleton skeleton, boolean unified, boolean sharing,
            int[] sizesCrossbars, PhysicalLimits limits) {
        int k = skeleton.weightLayerCount();
        int[] crossbars = new int[k];
        long[] maxMacros = new long[k];
        for (int i = 0; i < k; i++) {
            crossbars[i] = skeleton.crossbarsOf(i);
            maxMacros[i] = skeleton.crossbarSet(i).maxMacros(skeleton.spec().wtDup(i));
        }
        return unified ? unified(crossbars, maxMacros, sharing, sizesCrossbars, limits)
                : specified(crossbars, maxMacros, sharing, limits);
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

    /** Rule (d): the fewest macros layer k may span alone, ceil(crossbars / crossbars per macro); 1 without limit. */
    public int least(int k) {
        return least[k];
    }

    /** Rule (d): the fewest macros a pair may span, ceil((a + b) / crossbars per macro); 1 without limit. */
    public int pairLeast(int a, int b) {
        return (int) ceilDiv((long) crossbars[a] + crossbars[b], crossbarsPerMacro);
    }

    /** Specified macros: whether two layers may share, their least count within their limit. */
    public boolean canPair(int a, int b) {
        return pairLeast(a, b) <= pairLimit(a, b);
    }

    /** The physical limits these rules apply. */
    public PhysicalLimits limits() {
        return limits;
    }

    /** The most macros a gene may have: the largest mesh's positions ({@link Long#MAX_VALUE} without a limit). */
    public long maxMacros() {
        return limits.maxMacros();
    }

    /**
     * Rule (e): where the gene has more macros than the largest mesh holds, why (as a gene's score gives it);
     * null where it fits.
     */
    public String meshExcess(MacroGene gene) {
        int total = gene.totalMacros();
        return total > limits.maxMacros() ? total + " macros exceed the largest mesh of " + limits.describeMesh()
                + " (the library's limits)" : null;
    }

    /**
     * Specified macros: the counts, cut to fit the largest mesh where they exceed it. Each group (a layer alone, or
     * a pair) keeps its least count and gives up a share of what it has above it, the same share for all, rounded
     * down: count = least + floor((count - least) x (mesh - sum of leasts) / (total - sum of leasts)). The counts
     * as they are where they fit (always without a mesh limit), or where even the least counts do not.
     */
    public int[] fitMesh(int[] macros, int[] partner) {
        long cap = limits.maxMacros();
        long total = 0;
        long leastTotal = 0;
        for (int k = 0; k < macros.length; k++) {
            if (partner[k] == MacroGene.NO_PARTNER || partner[k] > k) {
                total += macros[k];
                leastTotal += groupLeast(k, partner[k]);
            }
        }
        if (total <= cap || leastTotal > cap) {
            return macros;
        }
        int[] fitted = macros.clone();
        long spare = cap - leastTotal;
        long excess = total - leastTotal;
        for (int k = 0; k < macros.length; k++) {
            int p = partner[k];
            if (p == MacroGene.NO_PARTNER || p > k) {
                int min = groupLeast(k, p);
                fitted[k] = (int) (min + (macros[k] - min) * spare / excess);
                if (p != MacroGene.NO_PARTNER) {
                    fitted[p] = fitted[k];
                }
            }
        }
        return fitted;
    }

    private int groupLeast(int k, int p) {
        return p == MacroGene.NO_PARTNER ? least[k] : pairLeast(k, p);
    }

    /**
     * The fewest macros any gene of these rules has, or a lower bound of it: specified macros without sharing, the
     * sum of the least counts; with sharing, ceil(crossbars / crossbars per macro) and ceil(layers / 2), the
     * larger; unified macros likewise at the largest usable size.
     */
    private long fewestMacros() {
        long total = 0;
        for (int c : crossbars) {
            total += c;
        }
        int n = crossbars.length;
        if (unified) {
            if (usableSizes.length == 0) {
                return 0;
            }
            int size = usableSizes[usableSizes.length - 1];
            if (!sharing) {
                long sum = 0;
                for (int k = 0; k < n; k++) {
                    sum += macrosAt(size, k);
                }
                return sum;
            }
            return Math.max(ceilDiv(total, size), (n + 1) / 2);
        }
        if (!sharing) {
            long sum = 0;
            for (int k = 0; k < n; k++) {
                sum += least[k];
            }
            return sum;
        }
        return Math.max(ceilDiv(total, crossbarsPerMacro), (n + 1) / 2);
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
            if (unified ? canPairAt(largest, a, a + 1) : canPair(a, a + 1)) {
                partner[a] = a + 1;
                partner[a + 1] = a;
            }
        }
        return onFewestMacros(partner);
    }

    /**
     * The gene with these pairs on their least macros per layer or pair (specified: one without limits), or at the
     * largest usable size.
     */
    private MacroGene onFewestMacros(int[] partner) {
        if (unified) {
            return unifiedGene(usableSizes[usableSizes.length - 1], partner);
        }
        int[] fewest = new int[crossbars.length];
        for (int k = 0; k < fewest.length; k++) {
            fewest[k] = groupLeast(k, partner[k]);
        }
        return new MacroGene(fewest, partner, 0);
    }

    /**
     * A random gene under the rules: specified counts drawn log-uniformly from each least count (1 without
     * limits) to each limit, then cut to the largest mesh ({@link #fitMesh}) (small counts, which
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
                    if (b >= 0 && (unified ? canPairAt(size, a, b) : canPair(a, b))) {
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
                macros[k] = logUniform(random, least[k], limit[k]);
            } else if (partner[k] > k) {
                macros[k] = logUniform(random, pairLeast(k, partner[k]), pairLimit(k, partner[k]));
                macros[partner[k]] = macros[k];
            }
        }
        return new MacroGene(fitMesh(macros, partner), partner, 0);
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
            int min = groupLeast(k, p);
            if (gene.macros(k) < min) {
                return "layer " + k + " spans " + gene.macros(k) + " macros, fewer than the " + min + " that hold "
                        + "its crossbars at most " + crossbarsPerMacro + " per macro (rule d)";
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

    /**
     * An integer in least..max drawn log-uniformly: floor(least x ((max + 1) / least)^u) with u uniform in
     * [0, 1); for least 1 exactly {@link #logUniform(SplittableRandom, int)}, with the same draws.
     */
    static int logUniform(SplittableRandom random, int least, int max) {
        if (least <= 1) {
            return logUniform(random, max);
        }
        if (max <= least) {
            return least;
        }
        double value = least * Math.exp(random.nextDouble() * Math.log((max + 1.0) / least));
        return Math.max(least, Math.min(max, (int) value));
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
