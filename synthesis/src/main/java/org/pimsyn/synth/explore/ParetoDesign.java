package org.pimsyn.synth.explore;

import org.pimsyn.synth.design.DesignFigures;

/** A design of the Pareto front ({@link ParetoFront}): the best design of its design point's search, its figures. */
public record ParetoDesign(RankedDesign ranked, DesignFigures figures) {
}
