package org.pimsyn.synth.explore;

import java.util.List;
import java.util.Map;

/**
 * Where an exploration keeps the design points it finishes, so that a run stopped part-way (killed, or cut short by
 * its time budget) can be continued: a later run of the same inputs and seed takes the recorded outcomes instead of
 * searching those points again, and reaches the same result as a run that was never stopped. The exploration knows
 * nothing of how outcomes are stored.
 */
public interface ExplorationCheckpoint {
    /** Keeps nothing and knows nothing: every design point is searched. */
    ExplorationCheckpoint NONE = new ExplorationCheckpoint() {
        @Override
        public Map<Integer, FinishedDesignPoint> recorded(List<DesignPointKey> designPoints, double[] scoreBounds) {
            return Map.of();
        }

        @Override
        public void record(FinishedDesignPoint point) {
        }
    };

    /**
     * The design points an earlier run finished, by their order. Called once, before any design point is searched,
     * with every design point of this run in loop order ({@code designPoints.get(i).order() == i}) and the proven
     * bound on the score of each ({@code scoreBounds[i]}, infinity where there is none).
     *
     * @throws RuntimeException (an input error of the implementation's kind) when a recorded design point is not the
     *                          design point of this run at its order, or claims a fitness above its bound
     */
    Map<Integer, FinishedDesignPoint> recorded(List<DesignPointKey> designPoints, double[] scoreBounds);

    /**
     * Keeps one finished design point for good before the exploration counts it. Called from the worker threads,
     * in the order searches end.
     */
    void record(FinishedDesignPoint point);
}
