package org.pimsyn.synth.explore;

import java.util.Objects;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

/**
 * A design point whose search ended, as a checkpoint keeps it: everything the exploration counts of it, and its
 * design only where that design could still enter the top designs when the point finished. A design that could not
 * then never can, since the top designs only improve; so a checkpoint holds few designs.
 *
 * @param found                    whether the search found a design, kept or not
 * @param fitness                  its fitness (the objective's value), 0 without one
 * @param bestFitnessPerGeneration the search's best fitness after each generation, initial population first
 * @param evaluations              fitness evaluations the search made
 * @param reason                   why no design fits; empty when one was found
 * @param design                   the design, or null when none was found or it could not enter the top designs
 */
public record FinishedDesignPoint(DesignPointKey key, boolean found, double fitness,
        double[] bestFitnessPerGeneration, long evaluations, String reason, Design design) {

    public FinishedDesignPoint {
        Objects.requireNonNull(key, "key");
        bestFitnessPerGeneration = bestFitnessPerGeneration.clone();
        reason = reason == null ? "" : reason;
        if (design != null && !found) {
            throw new IllegalArgumentException(key + ": a design is kept only where the search found one");
        }
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
                reason);
    }
}
