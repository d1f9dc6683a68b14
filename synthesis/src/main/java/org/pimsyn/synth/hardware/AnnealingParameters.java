package org.pimsyn.synth.hardware;

import java.util.Objects;

/**
 * The simulated-annealing filter of weight-duplication candidates: the temperature starts at
 * {@code initialTemperature}, is multiplied by {@code coolingFactor} after {@code iterationsPerTemperature} moves
 * and stops at {@code finalTemperature}; {@code alpha} weighs the access-volume term of its energy function; the
 * best {@code candidatesKept} solutions go on to the later stages.
 */
public record AnnealingParameters(int iterationsPerTemperature, double initialTemperature, double finalTemperature,
                                  double coolingFactor, double alpha, int candidatesKept, Provenance provenance) {
    public AnnealingParameters {
        if (iterationsPerTemperature < 1 || candidatesKept < 1) {
            throw new IllegalArgumentException("iterationsPerTemperature and candidatesKept must be >= 1");
        }
        if (!(finalTemperature > 0) || !(initialTemperature > finalTemperature)) {
            throw new IllegalArgumentException("need initialTemperature > finalTemperature > 0, got "
                    + initialTemperature + " and " + finalTemperature);
        }
        if (!(coolingFactor > 0 && coolingFactor < 1)) {
            throw new IllegalArgumentException("coolingFactor must lie between 0 and 1, got " + coolingFactor);
        }
        if (!(alpha >= 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be a finite number >= 0, got " + alpha);
        }
        Objects.requireNonNull(provenance, "provenance");
    }
}
