package org.pimsyn.synth.explore;

import java.util.Map;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.DesignFigures;

/**
 * What passes between a run and its checkpoint: which outcomes an earlier run recorded are taken instead of a
 * search, and what is recorded of a finished design point. A run walks the batches of the earlier run in the same
 * order, so the top designs at the start of each batch, and with them its pruning decisions, are the earlier run's.
 */
final class CheckpointReplay {
    private final Map<Integer, FinishedDesignPoint> recorded;
    private int taken;

    /** @param recorded the design points an earlier run finished, by their order */
    CheckpointReplay(Map<Integer, FinishedDesignPoint> recorded) {
        this.recorded = recorded;
    }

    /**
     * The recorded outcome of the point if it needs no search, given the top designs' bar at the start of its batch:
     * one with its design, or one that cannot enter the top designs; else null (never recorded, or recorded
     * without a design it now needs, so searched again with its own seed, to the same outcome).
     */
    PointOutcome take(PlannedDesignPoint p, Standing standing) {
        FinishedDesignPoint f = recorded.get(p.order());
        if (f == null || !f.designKept() && standing.needsDesign(p.order(), f.found(), f.fitness(), f.figures())) {
            return null;
        }
        taken++;
        return new PointOutcome(f.outcome(p.duplication()), f.found(),
                f.designKept() ? DesignFigures.of(f.design()) : f.figures());
    }

    /** Design points taken from the checkpoint so far. */
    int taken() {
        return taken;
    }

    /**
     * A point as the checkpoint keeps it: with its figures, and its design only where that could enter the top
     * designs or the front.
     */
    static FinishedDesignPoint finished(PlannedDesignPoint p, PointOutcome o, Standing standing) {
        CandidateOutcome c = o.outcome();
        boolean keep = c.found() && standing.needsDesign(p.order(), true, c.fitness(), o.figures());
        return new FinishedDesignPoint(p.key(), o.found(), c.fitness(), c.bestFitnessPerGeneration(),
                c.evaluations(), c.reason(), keep ? c.best() : null, o.figures(), c.dynamics());
    }
}
