package org.pimsyn.synth.hardware;

/** A digital-to-analog converter driving one crossbar row; its action is one conversion of a row input. */
public record DacSpec(int resolutionBits, ComponentPower power, double sampleRateGsps, Provenance provenance) {
    public DacSpec {
        Converters.check(resolutionBits, power, sampleRateGsps, provenance);
    }
}
