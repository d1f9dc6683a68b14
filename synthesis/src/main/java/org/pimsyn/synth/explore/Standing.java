package org.pimsyn.synth.explore;

import org.pimsyn.synth.design.DesignFigures;

/**
 * What a design must beat to matter, as it stood at the start of a batch: the top designs' bar and the Pareto front
 * then. Both only improve, so a design neither would take then is never reported, and a checkpoint need not keep it.
 */
record Standing(TopDesignBar bar, ParetoFront front) {
    /**
     * Whether a design point's design, of this fitness and these figures (null where unknown), could still be
     * reported: it would enter the top designs, or join the front (where its figures are unknown, it might).
     */
    boolean needsDesign(int order, boolean found, double fitness, DesignFigures figures) {
        if (bar.admits(order, found, fitness)) {
            return true;
        }
        return found && fitness > 0 && (figures == null || front.admits(order, figures));
    }
}
