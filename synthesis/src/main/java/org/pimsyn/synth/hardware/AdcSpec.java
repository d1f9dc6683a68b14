package org.pimsyn.synth.hardware;

/** An analog-to-digital converter; its action is one conversion, {@code sampleRateGsps} of them per ns. */
public record AdcSpec(int resolutionBits, ComponentPower power, double sampleRateGsps, Provenance provenance) {
    public AdcSpec {
        Converters.check(resolutionBits, power, sampleRateGsps, provenance);
    }
}
