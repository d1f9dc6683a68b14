package org.pimsyn.synth.stage.dataflow;

import java.util.ArrayList;
import java.util.List;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.LayerOp;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Window;

/**
 * What each layer of a network is to the dataflow: a weight layer (its weight index), a layer that costs ALU
 * work (and on which ALU kind), or a free view of its inputs (concatenation, channel slice, flatten, reshape, pad,
 * nearest resize); which weight layer owns it; and whether its outputs are written to the scratchpad.
 *
 * <p>Ownership. A non-weight layer belongs to the latest weight layer among those producing its inputs, looking
 * back through non-weight layers: with one input that is its producer's owner; an element-wise layer or a
 * concatenation belongs to its latest producer, and its other inputs travel to that owner's home. Every wait
 * therefore points to an earlier weight layer. A layer computed from the network input alone (a <em>leading</em>
 * layer, such as a pooling right after the input) belongs to the first weight layer that consumes its data,
 * directly or through other layers (to weight layer 0 when nothing does), and runs in that layer's blocks before
 * their LOADs, each block computing what the block reads.
 */
final class LayerRoles {
    /** AluKind code of a layer that costs no ALU work. */
    static final byte FREE = -1;

    final Network network;
    /** Weight index per layer id; -1 for non-weight layers. */
    final int[] weightIndex;
    /** Network layer id per weight index. */
    final int[] weightLayerIds;
    /** Owning weight index per layer id (its own index for weight layers, -1 for the network input). */
    final int[] owner;
    /** ALU kind code per non-weight layer, {@link #FREE} for free layers, the input and weight layers. */
    final byte[] aluKind;
    /** Layers computed from the network input alone (the input itself excluded). */
    final boolean[] leading;
    /** Weight and costed layers whose outputs are written to the scratchpad by their owner's STORE. */
    final boolean[] stored;

    private LayerRoles(Network network) {
        this.network = network;
        int n = network.size();
        weightIndex = new int[n];
        owner = new int[n];
        aluKind = new byte[n];
        leading = new boolean[n];
        stored = new boolean[n];
        List<Layer> inputs = network.inputs();
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("network '" + network.name() + "' must have exactly one input layer, "
                    + (inputs.isEmpty() ? "has none" : "has " + inputs.size() + ": " + names(inputs)));
        }
        List<Layer> weights = network.weightLayers();
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("network '" + network.name()
                    + "' has no weight layer (CONV or FC) to map onto crossbars");
        }
        weightLayerIds = new int[weights.size()];
        boolean[] inputDerived = new boolean[n];
        int next = 0;
        for (Layer layer : network.layers()) {
            int id = layer.id();
            weightIndex[id] = -1;
            aluKind[id] = aluKindOf(layer);
            if (layer.hasWeights()) {
                weightIndex[id] = next;
                weightLayerIds[next++] = id;
            } else if (layer.op() == LayerOp.INPUT) {
                inputDerived[id] = true;
            } else {
                boolean allInput = true;
                for (int p : layer.providers()) {
                    allInput &= inputDerived[p];
                }
                inputDerived[id] = allInput;
            }
        }
        for (Layer layer : network.layers()) {
            int id = layer.id();
            if (layer.hasWeights()) {
                owner[id] = weightIndex[id];
            } else if (inputDerived[id]) {
                owner[id] = -1;
            } else {
                int latest = -1;
                for (int p : layer.providers()) {
                    latest = Math.max(latest, owner[p]);
                }
                owner[id] = latest;
            }
        }
        // Leading layers take their owner from their consumers, so they are settled last to first.
        for (int id = n - 1; id >= 0; id--) {
            Layer layer = network.layer(id);
            if (!inputDerived[id] || layer.op() == LayerOp.INPUT) {
                continue;
            }
            leading[id] = true;
            int first = Integer.MAX_VALUE;
            for (int c : layer.consumers()) {
                if (owner[c] >= 0) {
                    first = Math.min(first, owner[c]);
                }
            }
            owner[id] = first == Integer.MAX_VALUE ? 0 : first;
        }
        for (int id = 0; id < n; id++) {
            Layer layer = network.layer(id);
            boolean producesData = layer.hasWeights() || (aluKind[id] != FREE && !leading[id]);
            stored[id] = producesData && readElsewhere(id, owner[id]);
        }
    }

    static LayerRoles of(Network network) {
        return new LayerRoles(network);
    }

    int weightCount() {
        return weightLayerIds.length;
    }

    boolean isFree(int id) {
        return aluKind[id] == FREE;
    }

    /**
     * Whether the layer's outputs leave its owner's follower chain: read by a weight layer, by a layer of another
     * owner, or not read at all (a network output), looking through free layers.
     */
    private boolean readElsewhere(int id, int ownerIndex) {
        List<Integer> consumers = network.layer(id).consumers();
        if (consumers.isEmpty()) {
            return true;
        }
        for (int c : consumers) {
            Layer consumer = network.layer(c);
            if (consumer.hasWeights() || (!isFree(c) && owner[c] != ownerIndex)) {
                return true;
            }
            if (isFree(c) && readElsewhere(c, ownerIndex)) {
                return true;
            }
        }
        return false;
    }

    /** The ALU kind that runs a non-weight layer, or {@link #FREE}. */
    static byte aluKindOf(Layer layer) {
        AluKind kind = switch (layer.op()) {
            case POOL -> AluKind.POOL;
            // erf, like sigmoid and tanh, is a transcendental function rather than a comparison or clamp.
            case ACTIVATION -> layer.function() == LayerFunction.SIGMOID || layer.function() == LayerFunction.TANH
                    || layer.function() == LayerFunction.ERF ? AluKind.SIGMOID : AluKind.RELU;
            case SOFTMAX -> AluKind.SIGMOID;
            case ELTWISE, LRN -> AluKind.ELTWISE;
            // Linear interpolation weighs and adds neighbours, as element-wise products and sums do; nearest
            // interpolation only copies, a view of its input like PAD.
            case RESIZE -> layer.function() == LayerFunction.LINEAR ? AluKind.ELTWISE : null;
            // A transposed convolution's patches overlap where the kernel is larger than the stride: adds.
            case COL2IM -> AluKind.ELTWISE;
            default -> null;
        };
        return kind == null ? FREE : kind.code();
    }

    /**
     * ALU elements one output element of a costed layer takes: the window taps a pooling reads, the binary
     * operations of an element-wise layer with n inputs (n - 1, at least 1), the neighbours a linear resize
     * weighs (2 along each resized axis), the most patches a transposed convolution's overlap-add sums at one
     * output, one otherwise.
     */
    static int aluElementsPerOutput(Layer layer) {
        Window w = layer.window();
        return switch (layer.op()) {
            case POOL -> w.kernelH() * w.kernelW();
            case ELTWISE -> Math.max(1, layer.providers().size() - 1);
            case RESIZE -> (layer.outputShape().h() == layer.inputShape().h() ? 1 : 2)
                    * (layer.outputShape().w() == layer.inputShape().w() ? 1 : 2);
            case COL2IM -> overlapping(w.kernelH(), w.strideH(), w.dilationH())
                    * overlapping(w.kernelW(), w.strideW(), w.dilationW());
            default -> 1;
        };
    }

    /**
     * The most taps of one axis that land on the same output of a transposed convolution: taps k and k' meet
     * where (k - k') x dilation is a multiple of the stride, every stride / gcd(stride, dilation) taps.
     */
    private static int overlapping(int kernel, int stride, int dilation) {
        int period = stride / gcd(stride, dilation);
        return (kernel + period - 1) / period;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static String names(List<Layer> layers) {
        List<String> names = new ArrayList<>();
        for (Layer layer : layers) {
            names.add("'" + layer.name() + "'");
        }
        return String.join(", ", names);
    }
}
