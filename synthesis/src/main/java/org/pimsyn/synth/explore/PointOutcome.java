package org.pimsyn.synth.explore;

import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.DesignFigures;

/**
 * A design point's outcome, whether its search found a design, which the outcome says unless it was taken from a
 * checkpoint without its design, and the figures of that design (null without one, or where a checkpoint written
 * before figures were recorded lacks them).
 */
record PointOutcome(CandidateOutcome outcome, boolean found, DesignFigures figures) {
    /** The outcome of a search that ran in this run. */
    static PointOutcome searched(CandidateOutcome outcome) {
        return new PointOutcome(outcome, outcome.found(),
                outcome.found() ? DesignFigures.of(outcome.best()) : null);
    }

    /** An outcome whose figures follow from its design, if it has one. */
    PointOutcome(CandidateOutcome outcome, boolean found) {
        this(outcome, found, outcome.found() ? DesignFigures.of(outcome.best()) : null);
    }

    /** The same outcome for another design point of the same search. */
    PointOutcome at(PlannedDesignPoint p) {
        return new PointOutcome(outcome.at(p.point(), p.duplication()), found, figures);
    }

    /** A found design the outcome does not carry (taken from a checkpoint without it). */
    boolean designMissing() {
        return found && outcome.best() == null;
    }

    /**
     * Whether another point of the same search, at {@code order}, may take this outcome: always, unless it lacks a
     * design that point would need to enter the top designs or the front (then it searches again, to the same
     * outcome).
     */
    boolean canServe(int order, Standing standing) {
        return !(designMissing() && standing.needsDesign(order, true, outcome.fitness(), figures));
    }
}
