package org.pimsyn.synth.stage.partition;

/**
 * What the fitness function made of a gene: its fitness (GOPS/W), and why it is 0 where it is; or, for a gene
 * the fitness function proved too weak to matter without simulating it, only a bound on its fitness.
 *
 * @param fitness the fitness; for a bounded score, a value the fitness cannot exceed
 * @param reason  empty where the fitness is positive
 * @param bounded true where {@code fitness} is only a bound ({@link PartitionEvolution.Fitness#score(MacroGene,
 *                double)})
 */
public record GeneScore(double fitness, String reason, boolean bounded) {
    public GeneScore {
        if (!(fitness >= 0) || Double.isInfinite(fitness)) {
            throw new IllegalArgumentException("fitness must be a finite number >= 0, got " + fitness);
        }
        reason = reason == null ? "" : reason;
    }

    public GeneScore(double fitness, String reason) {
        this(fitness, reason, false);
    }

    public static GeneScore of(double fitness) {
        return new GeneScore(fitness, "");
    }

    public static GeneScore zero(String reason) {
        return new GeneScore(0, reason);
    }

    /** A gene whose fitness is proved to lie below {@code bound}, which is below what was asked of it. */
    public static GeneScore below(double bound) {
        return new GeneScore(bound, "its fitness bound " + bound + " GOPS/W cannot reach the survivors", true);
    }
}
