package org.pimsyn.synth.explore;

import java.util.Arrays;
import java.util.Objects;
import org.pimsyn.synth.design.DesignPoint;

/**
 * What identifies a design point of an exploration: its position in Algorithm 1's loop order, its point, and the
 * rank and duplications of its weight-duplication candidate. The same inputs and seed give every design point the
 * same key, which is what lets a checkpoint's outcomes be matched to a later run.
 *
 * @param order          position in the loop order (RatioRram, ResRram, XbSize, candidate, ResDAC) among the
 *                       design points that have an ADC
 * @param candidateIndex rank of the duplication candidate in the filter's list (0 is the best)
 * @param candidates     candidates the filter kept at the crossbar point
 * @param duplications   WtDup per weight layer of the candidate
 */
public record DesignPointKey(int order, DesignPoint point, int candidateIndex, int candidates, int[] duplications) {
    public DesignPointKey {
        Objects.requireNonNull(point, "point");
        if (order < 0 || candidateIndex < 0 || candidateIndex >= candidates) {
            throw new IllegalArgumentException("need order >= 0 and 0 <= candidateIndex < candidates, got " + order
                    + ", " + candidateIndex + ", " + candidates);
        }
        duplications = duplications.clone();
    }

    @Override
    public int[] duplications() {
        return duplications.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DesignPointKey k && order == k.order && point.equals(k.point)
                && candidateIndex == k.candidateIndex && candidates == k.candidates
                && Arrays.equals(duplications, k.duplications);
    }

    @Override
    public int hashCode() {
        return Objects.hash(order, point, candidateIndex, candidates, Arrays.hashCode(duplications));
    }

    @Override
    public String toString() {
        return "design point " + order + " (" + point + ", duplication candidate index " + candidateIndex + " of "
                + candidates + ", WtDup " + Arrays.toString(duplications) + ")";
    }
}
