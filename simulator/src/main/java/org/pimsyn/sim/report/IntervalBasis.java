package org.pimsyn.sim.report;

/** Where the steady-state interval between images comes from. */
public enum IntervalBasis {
    /** Measured: end of the last image minus end of the one before (two or more images simulated). */
    MEASURED,
    /** Estimated from one image: the busiest resource's busy cycles per image, the interval a full pipeline reaches. */
    BOTTLENECK
}
