package org.pimsyn.synth.stage.duplication;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.pimsyn.synth.mapping.CrossbarSet;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerOp;
import org.pimsyn.synth.network.Network;

/**
 * The weight-duplication problem of one design point (the paper's Eq. 2): choose WtDup_i >= 1 for every weight
 * layer so that {@code sum_i WtDup_i x set_i <= #crossbar}. Layer index {@code i} is the position in
 * {@link Network#weightLayers()}.
 *
 * <p>A layer whose duplication cannot vary is <em>fixed</em> at 1: FC layers (one output position, and their
 * crossbars are reserved before any convolution gets a copy) and convolutions with a single output position. A
 * layer's duplication never exceeds its output positions H_out x W_out, since further copies would have no
 * position left to compute.
 *
 * <p>Immutable; the arrays are private and the evaluation methods allocate nothing, since the annealer calls them
 * once per move.
 */
public final class DuplicationProblem {
    private final String networkName;
    private final int xbSizeRows;
    private final int cellBits;
    private final int[] layerIds;
    private final List<String> layerNames;
    private final int[] setSizes;
    private final int[] outputPositions;
    private final long[] accessPerCopy;
    private final boolean[] fixed;
    private final long crossbarBudget;
    private final long crossbarsAtOne;

    private DuplicationProblem(Network network, int xbSizeRows, int cellBits, int weightBits, long crossbarBudget) {
        List<Layer> layers = network.weightLayers();
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("network '" + network.name() + "' has no CONV or FC layer to map");
        }
        if (crossbarBudget < 0) {
            throw new IllegalArgumentException("crossbar budget must be >= 0, got " + crossbarBudget);
        }
        int n = layers.size();
        this.networkName = network.name();
        this.xbSizeRows = xbSizeRows;
        this.cellBits = cellBits;
        this.crossbarBudget = crossbarBudget;
        layerIds = new int[n];
        setSizes = new int[n];
        outputPositions = new int[n];
        accessPerCopy = new long[n];
        fixed = new boolean[n];
        long atOne = 0;
        for (int i = 0; i < n; i++) {
            Layer layer = layers.get(i);
            layerIds[i] = layer.id();
            setSizes[i] = CrossbarSet.of(layer, xbSizeRows, cellBits, weightBits).size();
            outputPositions[i] = layer.outputPositions();
            // Per step a copy reads one K x K x C_I input window (over all groups) and writes C_O outputs.
            accessPerCopy[i] = (long) layer.weightRows() * layer.groups() + layer.outChannels();
            fixed[i] = layer.op() == LayerOp.FC || outputPositions[i] <= 1;
            atOne += setSizes[i];
        }
        this.layerNames = layers.stream().map(Layer::name).toList();
        this.crossbarsAtOne = atOne;
    }

    /**
     * The problem of mapping {@code network}'s weight layers onto crossbars of {@code xbSizeRows} rows with
     * {@code cellBits}-bit cells, {@code weightBits}-bit weights, under a budget of {@code crossbarBudget}.
     *
     * @throws IllegalArgumentException where the network has no weight layer
     */
    public static DuplicationProblem of(Network network, int xbSizeRows, int cellBits, int weightBits,
                                        long crossbarBudget) {
        return new DuplicationProblem(network, xbSizeRows, cellBits, weightBits, crossbarBudget);
    }

    public String networkName() {
        return networkName;
    }

    public int xbSizeRows() {
        return xbSizeRows;
    }

    public int cellBits() {
        return cellBits;
    }

    /** Number of weight layers L. */
    public int layers() {
        return layerIds.length;
    }

    /** Network id of weight layer {@code i}. */
    public int layerId(int i) {
        return layerIds[i];
    }

    public String layerName(int i) {
        return layerNames.get(i);
    }

    /** Crossbars of one weight copy of layer {@code i} (Eq. 1). */
    public int setSize(int i) {
        return setSizes[i];
    }

    /** W_O x H_O of layer {@code i}: the steps one copy needs per image. */
    public int outputPositions(int i) {
        return outputPositions[i];
    }

    /** The largest useful duplication of layer {@code i}: 1 where fixed, else its output positions. */
    public int maxDuplication(int i) {
        return fixed[i] ? 1 : outputPositions[i];
    }

    /** True where layer {@code i} stays at duplication 1. */
    public boolean fixed(int i) {
        return fixed[i];
    }

    /** K x K x C_I + C_O of layer {@code i}: Eq. 4's access volume of one copy. */
    public long accessPerCopy(int i) {
        return accessPerCopy[i];
    }

    /** Eq. 3's #crossbar. */
    public long crossbarBudget() {
        return crossbarBudget;
    }

    /** Crossbars every weight layer needs at duplication 1. */
    public long crossbarsAtDuplicationOne() {
        return crossbarsAtOne;
    }

    public boolean fitsAtDuplicationOne() {
        return crossbarsAtOne <= crossbarBudget;
    }

    /** sum_i dup_i x set_i. */
    public long crossbarsUsed(int[] dup) {
        requireLength(dup);
        long used = 0;
        for (int i = 0; i < setSizes.length; i++) {
            used += (long) dup[i] * setSizes[i];
        }
        return used;
    }

    /** True where every duplication lies in [1, maxDuplication] and the crossbars fit the budget (Eq. 2). */
    public boolean admits(int[] dup) {
        requireLength(dup);
        for (int i = 0; i < dup.length; i++) {
            if (dup[i] < 1 || dup[i] > maxDuplication(i)) {
                return false;
            }
        }
        return crossbarsUsed(dup) <= crossbarBudget;
    }

    /**
     * Eq. 4: stdev_i(W_O H_O / WtDup_i) + alpha x stdev_i(WtDup_i x (K K C_I + C_O)), over all L weight layers
     * (fixed ones included, as the paper's sum runs over every layer), with the population standard deviation:
     * the layers are the whole population, not a sample of one. Steps are the plain quotient the equation
     * writes, not rounded up.
     */
    public double energy(int[] dup, double alpha) {
        return terms(dup).energy(alpha);
    }

    /** Eq. 4's terms of {@code dup} with their means: {@link #energy} is their stdevs' weighted sum. */
    public EnergyTerms terms(int[] dup) {
        requireLength(dup);
        int n = dup.length;
        double stepsSum = 0;
        double accessSum = 0;
        for (int i = 0; i < n; i++) {
            stepsSum += (double) outputPositions[i] / dup[i];
            accessSum += (double) dup[i] * accessPerCopy[i];
        }
        double stepsMean = stepsSum / n;
        double accessMean = accessSum / n;
        double stepsSq = 0;
        double accessSq = 0;
        for (int i = 0; i < n; i++) {
            double st = (double) outputPositions[i] / dup[i] - stepsMean;
            double a = (double) dup[i] * accessPerCopy[i] - accessMean;
            stepsSq += st * st;
            accessSq += a * a;
        }
        return new EnergyTerms(stepsMean, Math.sqrt(stepsSq / n), accessMean, Math.sqrt(accessSq / n));
    }

    /**
     * The W_O H_O-proportional heuristic the paper compares against, scaled into the budget and then topped up:
     * free layers get max(1, floor(s x W_O H_O)) copies for the largest scale s in [0, 1] that fits, then, while
     * some copy still fits, one more copy goes to the layer with the most steps per image (W_O H_O / WtDup; the
     * lowest index on ties). Fixed layers stay at 1.
     *
     * @throws IllegalStateException where even duplication 1 does not fit
     */
    public int[] proportionalStart() {
        if (!fitsAtDuplicationOne()) {
            throw new IllegalStateException("the weights need " + crossbarsAtOne + " crossbars at duplication 1; "
                    + "the budget is " + crossbarBudget);
        }
        int n = layers();
        int[] dup = new int[n];
        if (crossbarsAtScale(1.0, dup) > crossbarBudget) {
            double lo = 0;
            double hi = 1;
            // Bisection to the breakpoint: 64 halvings reach the resolution of a double on [0, 1].
            for (int iter = 0; iter < 64; iter++) {
                double mid = (lo + hi) / 2;
                if (crossbarsAtScale(mid, dup) <= crossbarBudget) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            crossbarsAtScale(lo, dup);
        }
        long spare = crossbarBudget - crossbarsUsed(dup);
        while (true) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (dup[i] < maxDuplication(i) && setSizes[i] <= spare
                        && (best < 0 || (long) outputPositions[i] * dup[best] > (long) outputPositions[best] * dup[i])) {
                    best = i;
                }
            }
            if (best < 0) {
                return dup;
            }
            dup[best]++;
            spare -= setSizes[best];
        }
    }

    /** Fills {@code dup} with the proportional duplications at scale {@code s} and returns their crossbars. */
    private long crossbarsAtScale(double s, int[] dup) {
        for (int i = 0; i < dup.length; i++) {
            int max = maxDuplication(i);
            dup[i] = (int) Math.max(1, Math.min(max, Math.floor(s * outputPositions[i])));
        }
        return crossbarsUsed(dup);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DuplicationProblem other && networkName.equals(other.networkName)
                && xbSizeRows == other.xbSizeRows && cellBits == other.cellBits
                && crossbarBudget == other.crossbarBudget && Arrays.equals(layerIds, other.layerIds)
                && layerNames.equals(other.layerNames) && Arrays.equals(setSizes, other.setSizes)
                && Arrays.equals(outputPositions, other.outputPositions)
                && Arrays.equals(accessPerCopy, other.accessPerCopy) && Arrays.equals(fixed, other.fixed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(networkName, xbSizeRows, cellBits, crossbarBudget, Arrays.hashCode(setSizes),
                Arrays.hashCode(outputPositions));
    }

    @Override
    public String toString() {
        return "DuplicationProblem[" + networkName + ", " + layers() + " weight layers, " + xbSizeRows + "x"
                + xbSizeRows + " crossbars with " + cellBits + "-bit cells, budget " + crossbarBudget + "]";
    }

    private void requireLength(int[] dup) {
        if (dup.length != layerIds.length) {
            throw new IllegalArgumentException("need " + layerIds.length + " duplications, got " + dup.length);
        }
    }
}
