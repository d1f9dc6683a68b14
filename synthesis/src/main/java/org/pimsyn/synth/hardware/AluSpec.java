package org.pimsyn.synth.hardware;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import org.pimsyn.sim.ir.AluKind;

/**
 * A vector unit: one action processes {@code vectorWidthElements} elements; {@code frequencyGhz} actions start
 * per ns; {@code area} is null where the library gives none.
 */
public record AluSpec(AluKind kind, int vectorWidthElements, ComponentPower power, double frequencyGhz,
                      Provenance provenance, @JsonInclude(JsonInclude.Include.NON_NULL) AreaSpec area) {
    public AluSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(power, "power");
        Objects.requireNonNull(provenance, "provenance");
        if (vectorWidthElements < 1) {
            throw new IllegalArgumentException("vectorWidthElements must be >= 1, got " + vectorWidthElements);
        }
        if (!(frequencyGhz > 0) || !Double.isFinite(frequencyGhz)) {
            throw new IllegalArgumentException("frequencyGhz must be a finite number > 0, got " + frequencyGhz);
        }
    }
}
