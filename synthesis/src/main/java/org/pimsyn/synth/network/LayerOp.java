package org.pimsyn.synth.network;

/** What a layer does. Only CONV and FC hold weights and map onto crossbars. */
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
    PAD;

    public boolean hasWeights() {
        return this == CONV || this == FC;
    }
}
