package org.pimsyn.synth.hardware;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An analog-to-digital converter; its action is one conversion, {@code sampleRateGsps} of them per ns; {@code area} is null where the library gives none. */
public record AdcSpec(int resolutionBits, ComponentPower power, double sampleRateGsps, Provenance provenance,
        @JsonInclude(JsonInclude.Include.NON_NULL) AreaSpec area) {
    public AdcSpec {
        Converters.check(resolutionBits, power, sampleRateGsps, provenance);
    }
}
