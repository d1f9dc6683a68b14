package org.pimsyn.synth.stage.duplication;

/**
 * Eq. 4's two terms of one duplication as the paper writes them, over the weight layers: the steps per image
 * (W_O H_O / WtDup) and the access volumes (WtDup x (K K C_I + C_O)), each by its mean and population stdev.
 */
public record EnergyTerms(double stepsMean, double stepsStdev, double accessMean, double accessStdev) {

    /** stdev / mean of the steps: the first term as a coefficient of variation. */
    public double stepsCv() {
        return stepsStdev / stepsMean;
    }

    /** stdev / mean of the access volumes: the second term, before alpha. */
    public double accessCv() {
        return accessStdev / accessMean;
    }

    /** {@link DuplicationProblem#energy}'s value: the paper's Eq. 4 on the raw stdevs. */
    public double energy(double alpha) {
        return stepsStdev + alpha * accessStdev;
    }
}
