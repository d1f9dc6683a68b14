package org.pimsyn.synth.explore;

/**
 * The design a newcomer must outrank to enter the top designs: their last once they are full, or none
 * ({@code last} null) while they are not. Top designs only improve, so a design this bar turns away now will never
 * enter them.
 */
record TopDesignBar(RankedDesign last) {
    static final TopDesignBar NONE = new TopDesignBar(null);

    /** Whether a design of this fitness at this loop order would enter the top designs. */
    boolean admits(int order, boolean found, double fitness) {
        if (!found || !(fitness > 0)) {
            return false;
        }
        if (last == null) {
            return true;
        }
        // TopDesigns.RANKING's order: fitness, highest first, then loop order.
        int byFitness = Double.compare(fitness, last.fitness());
        return byFitness > 0 || byFitness == 0 && order < last.order();
    }

    /** The bound a design point needs not to be pruned: the last top design's fitness, or none. */
    double pruningFitness() {
        return last == null ? Double.NEGATIVE_INFINITY : last.fitness();
    }
}
