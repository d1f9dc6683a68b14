package org.pimsyn.synth.network;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One node of a {@link Network}. Ids are positions in the network's topologically ordered layer list;
 * providers and consumers are ids. Only shapes are kept, never weight values.
 *
 * @param inputShape the first provider's output shape (the layer's own shape for INPUT)
 * @param window     kernel, stride, padding and dilation for CONV and POOL; {@link Window#POINTWISE} otherwise
 * @param groups     convolution groups; 1 elsewhere
 * @param ceilMode   pooling rounds partial windows up
 * @param channelOffset the first of its provider's channels a SLICE takes (it takes the output's C from there);
 *                   0 elsewhere
 */
public record Layer(
        int id,
        String name,
        LayerOp op,
        LayerFunction function,
        Shape inputShape,
        Shape outputShape,
        Window window,
        int groups,
        boolean ceilMode,
        int channelOffset,
        List<Integer> providers,
        List<Integer> consumers) {

    public Layer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(inputShape, "inputShape");
        Objects.requireNonNull(outputShape, "outputShape");
        Objects.requireNonNull(window, "window");
        if (!function.belongsTo(op)) {
            throw new IllegalArgumentException("function " + function + " does not belong to op " + op);
        }
        if (groups <= 0) {
            throw new IllegalArgumentException("groups must be positive, got " + groups);
        }
        if (channelOffset < 0 || channelOffset > 0 && op != LayerOp.SLICE) {
            throw new IllegalArgumentException("channel offset " + channelOffset + " is only for a SLICE, from 0");
        }
        providers = List.copyOf(providers);
        consumers = List.copyOf(consumers);
    }

    /** Input channels of a CONV; input features (C x H x W of the provider) of an FC; the input's C elsewhere. */
    public int inChannels() {
        return op == LayerOp.FC ? Math.toIntExact(inputShape.elementsPerImage()) : inputShape.c();
    }

    public int outChannels() {
        return outputShape.c();
    }

    /** Weight count: C_out x C_in/groups x K_h x K_w for CONV, in x out for FC, 0 elsewhere. */
    public long weights() {
        return switch (op) {
            case CONV -> (long) outChannels() * (inChannels() / groups) * window.kernelH() * window.kernelW();
            case FC -> (long) inChannels() * outChannels();
            default -> 0L;
        };
    }

    /** Multiply-accumulates for one image: weights x H_out x W_out for CONV, weights for FC. */
    public long macs() {
        return switch (op) {
            case CONV -> weights() * outputShape.h() * outputShape.w();
            case FC -> weights();
            default -> 0L;
        };
    }

    /** Rows of the crossbar-mapped weight matrix of one group: K_h x K_w x C_in/groups (FC: input features). */
    public int weightRows() {
        return switch (op) {
            case CONV -> window.kernelH() * window.kernelW() * (inChannels() / groups);
            case FC -> inChannels();
            default -> 0;
        };
    }

    /** Output positions per image that one crossbar set computes one after the other: H_out x W_out. */
    public int outputPositions() {
        return outputShape.h() * outputShape.w();
    }

    public boolean hasWeights() {
        return op.hasWeights();
    }

    /** A copy with other consumers; used while a network is assembled. */
    Layer withConsumers(List<Integer> newConsumers) {
        return new Layer(id, name, op, function, inputShape, outputShape, window, groups, ceilMode, channelOffset, providers,
                newConsumers);
    }

    /** Short text of the operation for tables: "conv", "pool max", "activation relu". */
    public String opLabel() {
        String base = op.name().toLowerCase(Locale.ROOT);
        return function == LayerFunction.NONE ? base : base + " " + function.name().toLowerCase(Locale.ROOT);
    }
}
