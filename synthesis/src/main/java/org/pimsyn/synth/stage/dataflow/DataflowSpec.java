package org.pimsyn.synth.stage.dataflow;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.pimsyn.synth.hardware.Precision;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.Network;

/**
 * Everything the partition-independent part of the dataflow depends on: the network, the duplication of each
 * weight layer (stage 1), the DAC resolution, the crossbar geometry and the quantization. Two equal specs give
 * equal skeletons.
 *
 * <p>Arguments come from code, not from users: a bad one is an {@link IllegalArgumentException} naming the layer
 * or the field.
 */
public final class DataflowSpec {
    private final Network network;
    private final int[] wtDup;
    private final int resDacBits;
    private final int xbSize;
    private final int cellBits;
    private final int weightBits;
    private final int activationBits;

    /**
     * @param wtDup one duplication per weight layer (CONV and FC, network order), each in 1..H_out x W_out
     */
    public DataflowSpec(Network network, int[] wtDup, int resDacBits, int xbSize, int cellBits, int weightBits,
            int activationBits) {
        this.network = Objects.requireNonNull(network, "network");
        Objects.requireNonNull(wtDup, "wtDup");
        requirePositive(resDacBits, "resDacBits");
        requirePositive(xbSize, "xbSize");
        requirePositive(cellBits, "cellBits");
        requirePositive(weightBits, "weightBits");
        requirePositive(activationBits, "activationBits");
        List<Layer> weightLayers = network.weightLayers();
        if (wtDup.length != weightLayers.size()) {
            throw new IllegalArgumentException("network '" + network.name() + "' has " + weightLayers.size()
                    + " weight layers but " + wtDup.length + " duplications were given");
        }
        for (int k = 0; k < wtDup.length; k++) {
            Layer layer = weightLayers.get(k);
            if (wtDup[k] < 1 || wtDup[k] > layer.outputPositions()) {
                throw new IllegalArgumentException("layer '" + layer.name() + "' (weight layer " + k
                        + "): duplication must be in 1.." + layer.outputPositions() + " (its output positions), got "
                        + wtDup[k]);
            }
        }
        this.wtDup = wtDup.clone();
        this.resDacBits = resDacBits;
        this.xbSize = xbSize;
        this.cellBits = cellBits;
        this.weightBits = weightBits;
        this.activationBits = activationBits;
    }

    /** The same, with the weight and activation bits of the network's quantization. */
    public static DataflowSpec of(Network network, int[] wtDup, int resDacBits, int xbSize, int cellBits,
            Precision precision) {
        return new DataflowSpec(network, wtDup, resDacBits, xbSize, cellBits, precision.weightBits(),
                precision.activationBits());
    }

    private static void requirePositive(int value, String field) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be >= 1, got " + value);
        }
    }

    public Network network() {
        return network;
    }

    /** Duplication of weight layer {@code k}. */
    public int wtDup(int k) {
        return wtDup[k];
    }

    /** A copy of all duplications. */
    public int[] wtDup() {
        return wtDup.clone();
    }

    public int resDacBits() {
        return resDacBits;
    }

    public int xbSize() {
        return xbSize;
    }

    public int cellBits() {
        return cellBits;
    }

    public int weightBits() {
        return weightBits;
    }

    public int activationBits() {
        return activationBits;
    }

    /** Input bit slices per block: ceil(activation bits / ResDAC). */
    public int bitIterations() {
        return (activationBits + resDacBits - 1) / resDacBits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataflowSpec other && network.equals(other.network) && Arrays.equals(wtDup, other.wtDup)
                && resDacBits == other.resDacBits && xbSize == other.xbSize && cellBits == other.cellBits
                && weightBits == other.weightBits && activationBits == other.activationBits;
    }

    @Override
    public int hashCode() {
        return Objects.hash(network, Arrays.hashCode(wtDup), resDacBits, xbSize, cellBits, weightBits,
                activationBits);
    }

    @Override
    public String toString() {
        return "DataflowSpec[" + network.name() + ", wtDup " + Arrays.toString(wtDup) + ", ResDAC " + resDacBits
                + ", xb " + xbSize + ", cell " + cellBits + " b, weights " + weightBits + " b, activations "
                + activationBits + " b]";
    }
}
