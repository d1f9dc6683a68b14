package org.pimsyn.synth.design;

import java.util.Objects;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;
import org.pimsyn.synth.stage.partition.PartitionEvolution;

/**
 * What stages 3 and 4 found for one design point and one weight-duplication candidate.
 *
 * @param best                      the best design found, or null when no gene gave a design within the budget
 * @param fitness                   its fitness: the request's objective's value, 0 when there is none
 * @param bestFitnessPerGeneration  the best fitness after each generation, starting with the initial population, as
 *                                  values of the objective (0 while none is feasible)
 * @param evaluations               fitness evaluations made (distinct genes simulated)
 * @param reason                    why no design fits, when {@code best} is null; otherwise empty
 * @param dynamics                  how the search's population moved; null where no search ran (no gene fits the
 *                                  rules) or it is not known (a checkpoint written before it was recorded)
 */
public record CandidateOutcome(
        DesignPoint point,
        DuplicationCandidate duplication,
        Design best,
        double fitness,
        double[] bestFitnessPerGeneration,
        long evaluations,
        String reason,
        PartitionEvolution.Dynamics dynamics) {

    public CandidateOutcome {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(duplication, "duplication");
        bestFitnessPerGeneration = bestFitnessPerGeneration.clone();
        reason = reason == null ? "" : reason;
    }

    /** An outcome whose search dynamics are not known. */
    public CandidateOutcome(DesignPoint point, DuplicationCandidate duplication, Design best, double fitness,
            double[] bestFitnessPerGeneration, long evaluations, String reason) {
        this(point, duplication, best, fitness, bestFitnessPerGeneration, evaluations, reason, null);
    }

    @Override
    public double[] bestFitnessPerGeneration() {
        return bestFitnessPerGeneration.clone();
    }

    public boolean found() {
        return best != null;
    }

    /**
     * The same outcome for another design point and candidate of the same search: one that differs only in
     * RatioRram, which stages 3 and 4 never read, with the same duplications.
     */
    public CandidateOutcome at(DesignPoint otherPoint, DuplicationCandidate otherDuplication) {
        Design moved = best == null ? null : new Design(otherPoint, best.spec(), best.placement(),
                best.accelerator(), best.library(), best.fitnessRun(), best.performance());
        return new CandidateOutcome(otherPoint, otherDuplication, moved, fitness, bestFitnessPerGeneration,
                evaluations, reason, dynamics);
    }
}
