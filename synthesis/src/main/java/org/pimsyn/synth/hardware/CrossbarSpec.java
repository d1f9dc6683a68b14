package org.pimsyn.synth.hardware;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A square ReRAM crossbar of {@code sizeRows} x {@code sizeRows} cells holding {@code cellBits} bits each. Its
 * action is one read (an analog matrix-vector multiplication); {@code power().latencyNs()} is the read latency.
 *
 * @param area null where the library gives none
 */
public record CrossbarSpec(int sizeRows, int cellBits, ComponentPower power, Provenance provenance,
        @JsonInclude(JsonInclude.Include.NON_NULL) AreaSpec area) {
    public CrossbarSpec {
        if (sizeRows < 2 || Integer.bitCount(sizeRows) != 1) {
            throw new IllegalArgumentException("sizeRows must be a power of two >= 2, got " + sizeRows);
        }
        if (cellBits < 1) {
            throw new IllegalArgumentException("cellBits must be >= 1, got " + cellBits);
        }
        Objects.requireNonNull(power, "power");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** log2 of the size: the bits needed to count the rows a column sums. */
    public int sizeLog2() {
        return Integer.numberOfTrailingZeros(sizeRows);
    }
}
