package org.pimsyn.synth.explore;

import org.pimsyn.synth.design.CandidateOutcome;

/**
 * A design point's outcome and whether its search found a design, which the outcome says unless it was taken from
 * a checkpoint without its design.
 */
record PointOutcome(CandidateOutcome outcome, boolean found) {
    /** The outcome of a search that ran in this run. */
    static PointOutcome searched(CandidateOutcome outcome) {
        return new PointOutcome(outcome, outcome.found());
    }

    /** The same outcome for another design point of the same search. */
    PointOutcome at(PlannedDesignPoint p) {
        return new PointOutcome(outcome.at(p.point(), p.duplication()), found);
    }

    /** A found design the outcome does not carry (taken from a checkpoint without it). */
    boolean designMissing() {
        return found && outcome.best() == null;
    }

    /**
     * Whether another point of the same search, at {@code order}, may take this outcome: always, unless it lacks a
     * design that point would need to enter the top designs (then it searches again, to the same outcome).
     */
    boolean canServe(int order, TopDesignBar bar) {
        return !(designMissing() && bar.admits(order, true, outcome.fitness()));
    }
}
