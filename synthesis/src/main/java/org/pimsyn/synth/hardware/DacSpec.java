package org.pimsyn.synth.hardware;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A digital-to-analog converter driving one crossbar row; its action is one conversion of a row input; {@code area} is
 * null where the library gives none. */
public record DacSpec(int resolutionBits, ComponentPower power, double sampleRateGsps, Provenance provenance,
        @JsonInclude(JsonInclude.Include.NON_NULL) AreaSpec area) {
    public DacSpec {
        Converters.check(resolutionBits, power, sampleRateGsps, provenance);
    }
}
