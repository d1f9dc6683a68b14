package org.pimsyn.sim.report;

/** Where the steady-state interval between images comes from. */
public enum IntervalBasis {
    /**
     * Measured on a stream whose interval converged: its schedule repeated itself every p images by S cycles (the
     * interval is S / p; see the event loop), or the mean gaps between image ends over the last two windows of the
     * rule ({@link org.pimsyn.sim.engine.SteadyStateRule}) agreed within its tolerance (the interval is their mean,
     * or the bound where their mean lies below it: image ends jitter about the bottleneck's pace).
     */
    CONVERGED,
    /**
     * Measured, not converged: the mean gap between image ends over the run's last gaps (up to two windows of the
     * rule), on a run too short for the rule or one whose gaps did not settle.
     */
    MEASURED,
    /**
     * A bound, not a measurement: the busiest resource's busy cycles per image, the shortest interval any run
     * can have; reported with one image, or when the images of a run that did not converge ended closer together
     * than that (the pipeline was still filling).
     */
    BOTTLENECK
}
