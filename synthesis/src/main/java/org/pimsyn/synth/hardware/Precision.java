package org.pimsyn.synth.hardware;

import java.util.Objects;

/** Bits of a quantized weight and of an activation (the network's quantization). */
public record Precision(int weightBits, int activationBits, Provenance provenance) {
    public Precision {
        if (weightBits < 1 || activationBits < 1) {
            throw new IllegalArgumentException("weightBits and activationBits must be >= 1, got " + weightBits
                    + " and " + activationBits);
        }
        Objects.requireNonNull(provenance, "provenance");
    }
}
