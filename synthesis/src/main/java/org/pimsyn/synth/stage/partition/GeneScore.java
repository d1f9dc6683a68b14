package org.pimsyn.synth.stage.partition;

/**
 * What the fitness function made of a gene: its fitness, and why it is 0 where it is; or, for a gene the fitness
 * function proved too weak to matter without simulating it, only a bound on its fitness. Higher fitness is better
 * and 0 means infeasible, whatever the objective: where lower is better, the fitness is a score derived from the
 * objective's value, which the score keeps as well, so that the search reports that value exactly.
 *
 * @param fitness the fitness the search ranks by; for a bounded score, a value the fitness cannot exceed
 * @param value   what the search reports of the gene: the objective's value, which the fitness is a function of
 * @param reason  empty where the fitness is positive
 * @param bounded true where {@code fitness} is only a bound ({@link PartitionEvolution.Fitness#score(MacroGene,
 *                double)})
 */
public record GeneScore(double fitness, double value, String reason, boolean bounded) {
    public GeneScore {
        if (!(fitness >= 0) || Double.isInfinite(fitness)) {
            throw new IllegalArgumentException("fitness must be a finite number >= 0, got " + fitness);
        }
        reason = reason == null ? "" : reason;
    }

    /** A fitness that is its own value. */
    public static GeneScore of(double fitness) {
        return of(fitness, fitness);
    }

    /** A fitness and the value it was derived from. */
    public static GeneScore of(double fitness, double value) {
        return new GeneScore(fitness, value, "", false);
    }

    public static GeneScore zero(String reason) {
        return new GeneScore(0, 0, reason, false);
    }

    /** A gene whose fitness is proved to lie below {@code bound}, which is below what was asked of it. */
    public static GeneScore below(double bound) {
        return new GeneScore(bound, 0, "its fitness bound " + bound + " cannot reach the survivors", true);
    }
}
