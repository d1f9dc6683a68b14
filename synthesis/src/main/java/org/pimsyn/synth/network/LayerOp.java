package org.pimsyn.synth.network;

/**
 * What a layer does. Only CONV and FC hold weights and map onto crossbars. SLICE (a range of its input's
 * channels), RESIZE (nearest or linear interpolation of the spatial axes) and COL2IM (the overlap-add that
 * places a transposed convolution's per-pixel kernel patches on its output map) compute no MACs.
 */
public enum LayerOp {
    INPUT,
    CONV,
    FC,
    POOL,
    ELTWISE,
    ACTIVATION,
    CONCAT,
    FLATTEN,
    RESHAPE,
    LRN,
    SOFTMAX,
    PAD,
    SLICE,
    RESIZE,
    COL2IM;

    public boolean hasWeights() {
        return this == CONV || this == FC;
    }
}
