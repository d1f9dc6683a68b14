package org.pimsyn.sim.report;

/** Where the steady-state interval between images comes from. */
public enum IntervalBasis {
    /** Measured: end of the last image minus end of the one before (two or more images simulated). */
    MEASURED,
    /**
     * The busiest resource's busy cycles per image, the interval a full pipeline reaches: with one image, or when
     * the last two images ended closer together than that (the pipeline was still filling).
     */
    BOTTLENECK
}
