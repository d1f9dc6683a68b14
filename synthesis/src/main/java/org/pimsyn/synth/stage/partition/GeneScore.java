package org.pimsyn.synth.stage.partition;

/**
 * What the fitness function made of a gene: its fitness (GOPS/W), and why it is 0 where it is.
 *
 * @param reason empty where the fitness is positive
 */
public record GeneScore(double fitness, String reason) {
    public GeneScore {
        if (!(fitness >= 0) || Double.isInfinite(fitness)) {
            throw new IllegalArgumentException("fitness must be a finite number >= 0, got " + fitness);
        }
        reason = reason == null ? "" : reason;
    }

    public static GeneScore of(double fitness) {
        return new GeneScore(fitness, "");
    }

    public static GeneScore zero(String reason) {
        return new GeneScore(0, reason);
    }
}
