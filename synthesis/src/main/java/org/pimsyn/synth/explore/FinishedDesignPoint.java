package org.pimsyn.synth.explore;

import java.util.Objects;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.DesignFigures;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;
import org.pimsyn.synth.stage.partition.PartitionEvolution;

/**
 * A design point whose search ended, as a checkpoint keeps it: everything the exploration counts of it, the figures
 * of its design, and the design itself only where it could still enter the top designs or the Pareto front when the
 * point's batch started. A design that could not then never can, since both only improve; so a checkpoint holds few
 * designs.
 *
 * @param found                    whether the search found a design, kept or not
 * @param fitness                  its fitness (the objective's value), 0 without one
 * @param bestFitnessPerGeneration the search's best fitness after each generation, initial population first
 * @param evaluations              fitness evaluations the search made
 * @param reason                   why no design fits; empty when one was found
 * @param design                   the design, or null when none was found or it could not be reported
 * @param figures                  the figures of the design found (its own where it is kept), or null: none found,
 *                                 or read from a checkpoint written before figures were recorded
 * @param dynamics                 how the search's population moved, or null where not known
 */
public record FinishedDesignPoint(DesignPointKey key, boolean found, double fitness,
        double[] bestFitnessPerGeneration, long evaluations, String reason, Design design, DesignFigures figures,
        PartitionEvolution.Dynamics dynamics) {

    public FinishedDesignPoint {
        Objects.requireNonNull(key, "key");
        bestFitnessPerGeneration = bestFitnessPerGeneration.clone();
        reason = reason == null ? "" : reason;
        if (design != null && !found) {
            throw new IllegalArgumentException(key + ": a design is kept only where the search found one");
        }
        if (figures != null && !found) {
            throw new IllegalArgumentException(key + ": figures are kept only where the search found a design");
        }
    }

    /** A point whose figures, where it found a design, are those of the design kept; its dynamics not known. */
    public FinishedDesignPoint(DesignPointKey key, boolean found, double fitness, double[] bestFitnessPerGeneration,
            long evaluations, String reason, Design design) {
        this(key, found, fitness, bestFitnessPerGeneration, evaluations, reason, design,
                design == null ? null : DesignFigures.of(design), null);
    }

    /** A point whose search dynamics are not known. */
    public FinishedDesignPoint(DesignPointKey key, boolean found, double fitness, double[] bestFitnessPerGeneration,
            long evaluations, String reason, Design design, DesignFigures figures) {
        this(key, found, fitness, bestFitnessPerGeneration, evaluations, reason, design, figures, null);
    }

    @Override
    public double[] bestFitnessPerGeneration() {
        return bestFitnessPerGeneration.clone();
    }

    public boolean designKept() {
        return design != null;
    }

    /**
     * The search's outcome again, for the candidate the key names. Where the design was not kept, the outcome has
     * none, so its {@link CandidateOutcome#found()} says false whatever {@link #found()} says.
     */
    public CandidateOutcome outcome(DuplicationCandidate duplication) {
        return new CandidateOutcome(key.point(), duplication, design, fitness, bestFitnessPerGeneration, evaluations,
                reason, dynamics);
    }
}
