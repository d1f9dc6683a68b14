package org.pimsyn.synth.hardware;

import java.util.Objects;

/** Checks shared by ADCs and DACs. */
final class Converters {
    private Converters() {
    }

    static void check(int resolutionBits, ComponentPower power, double sampleRateGsps, Provenance provenance) {
        if (resolutionBits < 1) {
            throw new IllegalArgumentException("resolutionBits must be >= 1, got " + resolutionBits);
        }
        if (!(sampleRateGsps > 0) || !Double.isFinite(sampleRateGsps)) {
            throw new IllegalArgumentException("sampleRateGsps must be a finite number > 0, got " + sampleRateGsps);
        }
        Objects.requireNonNull(power, "power");
        Objects.requireNonNull(provenance, "provenance");
    }
}
