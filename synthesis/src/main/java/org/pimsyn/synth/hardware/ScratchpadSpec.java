package org.pimsyn.synth.hardware;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * An eDRAM scratchpad of a macro. One access moves {@code busWidthBits}; its latency and energy are per access.
 * Leakage is drawn for the whole run. {@code area} is null where the library gives none.
 */
public record ScratchpadSpec(int capacityKb, double leakagePowerMw, double readLatencyNs, double writeLatencyNs,
                             double readEnergyPj, double writeEnergyPj, int busWidthBits, Provenance provenance,
                             @JsonInclude(JsonInclude.Include.NON_NULL) AreaSpec area) {
    public ScratchpadSpec {
        if (capacityKb < 1 || Integer.bitCount(capacityKb) != 1) {
            throw new IllegalArgumentException("capacityKb must be a power of two, got " + capacityKb);
        }
        if (busWidthBits < 1) {
            throw new IllegalArgumentException("busWidthBits must be >= 1, got " + busWidthBits);
        }
        double[] positives = {leakagePowerMw, readLatencyNs, writeLatencyNs, readEnergyPj, writeEnergyPj};
        for (double v : positives) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("scratchpad figures must be finite numbers > 0, got " + v);
            }
        }
        Objects.requireNonNull(provenance, "provenance");
    }

    public long capacityBytes() {
        return capacityKb * 1024L;
    }

    /** Accesses needed to move {@code bits}: whole bus widths, rounded up. */
    public long accessesFor(long bits) {
        return (bits + busWidthBits - 1) / busWidthBits;
    }
}
