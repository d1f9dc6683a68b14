package org.pimsyn.synth.network;

/**
 * The variant of a layer's operation: pooling method, activation function, element-wise operator, resize
 * interpolation.
 */
public enum LayerFunction {
    NONE(null),
    MAX(LayerOp.POOL),
    AVERAGE(LayerOp.POOL),
    RELU(LayerOp.ACTIVATION),
    LEAKY_RELU(LayerOp.ACTIVATION),
    SIGMOID(LayerOp.ACTIVATION),
    TANH(LayerOp.ACTIVATION),
    CLIP(LayerOp.ACTIVATION),
    HARD_SIGMOID(LayerOp.ACTIVATION),
    HARD_SWISH(LayerOp.ACTIVATION),
    ERF(LayerOp.ACTIVATION),
    ADD(LayerOp.ELTWISE),
    SUB(LayerOp.ELTWISE),
    MUL(LayerOp.ELTWISE),
    DIV(LayerOp.ELTWISE),
    SOFTMAX(LayerOp.SOFTMAX),
    NEAREST(LayerOp.RESIZE),
    LINEAR(LayerOp.RESIZE),
    LOG_SOFTMAX(LayerOp.SOFTMAX);

    private final LayerOp op;

    LayerFunction(LayerOp op) {
        this.op = op;
    }

    /** The operation this function belongs to; null for {@link #NONE}. */
    public LayerOp op() {
        return op;
    }

    public boolean belongsTo(LayerOp layerOp) {
        return this == NONE ? layerOp != LayerOp.POOL && layerOp != LayerOp.ACTIVATION
                && layerOp != LayerOp.ELTWISE && layerOp != LayerOp.SOFTMAX && layerOp != LayerOp.RESIZE
                : op == layerOp;
    }
}
