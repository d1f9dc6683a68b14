package org.pimsyn.synth.hardware;

/**
 * Power and timing of one functional component: a crossbar, an ADC, a DAC or an ALU.
 *
 * <p>Static power is drawn whenever the component exists; dynamic power while it works; peak power is what the
 * power budget reserves for one instance, so it may not be below static plus dynamic. One action (a crossbar
 * read, a conversion, a vector operation) lasts {@code latencyNs} and costs {@code energyPerActionPj} of dynamic
 * energy: given in the library, or else dynamic power x latency (mW x ns = pJ).
 *
 * @param energyGiven true where the library states the energy, false where it is derived
 */
public record ComponentPower(double staticPowerMw, double dynamicPowerMw, double peakPowerMw, double latencyNs,
                             double energyPerActionPj, boolean energyGiven) {
    /** Relative slack for peak >= static + dynamic, so that decimal sums such as 0.03 + 0.27 = 0.3 pass. */
    static final double PEAK_TOLERANCE = 1e-9;

    public ComponentPower {
        requirePositive(staticPowerMw, "staticPowerMw");
        requirePositive(dynamicPowerMw, "dynamicPowerMw");
        requirePositive(peakPowerMw, "peakPowerMw");
        requirePositive(latencyNs, "latencyNs");
        requirePositive(energyPerActionPj, "energyPerActionPj");
        if (!peakCovers(staticPowerMw, dynamicPowerMw, peakPowerMw)) {
            throw new IllegalArgumentException("peakPowerMw " + peakPowerMw + " is below staticPowerMw + dynamicPowerMw = "
                    + (staticPowerMw + dynamicPowerMw));
        }
    }

    /** Figures whose energy per action is dynamic power x latency. */
    public static ComponentPower derived(double staticPowerMw, double dynamicPowerMw, double peakPowerMw,
                                         double latencyNs) {
        return new ComponentPower(staticPowerMw, dynamicPowerMw, peakPowerMw, latencyNs,
                dynamicPowerMw * latencyNs, false);
    }

    static boolean peakCovers(double staticPowerMw, double dynamicPowerMw, double peakPowerMw) {
        return peakPowerMw >= (staticPowerMw + dynamicPowerMw) * (1 - PEAK_TOLERANCE);
    }

    private static void requirePositive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + v);
        }
    }
}
