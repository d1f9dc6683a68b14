package org.pimsyn.synth.explore;

import org.pimsyn.synth.objective.Direction;

/**
 * The design a newcomer must outrank to enter the top designs: their last once they are full, or none
 * ({@code last} null) while they are not. Top designs only improve, so a design this bar turns away now will never
 * enter them. Fitness values rank by the objective's score ({@link Direction#score}).
 */
record TopDesignBar(RankedDesign last, Direction direction) {
    /** No bar: the top designs are not full. */
    static final TopDesignBar NONE = new TopDesignBar(null, Direction.HIGHER_IS_BETTER);

    /** Whether a design of this fitness (the objective's value) at this loop order would enter the top designs. */
    boolean admits(int order, boolean found, double fitness) {
        if (!found || !(fitness > 0)) {
            return false;
        }
        if (last == null) {
            return true;
        }
        // TopDesigns' ranking: score, highest first, then loop order.
        int byScore = Double.compare(direction.score(fitness), direction.score(last.fitness()));
        return byScore > 0 || byScore == 0 && order < last.order();
    }

    /** The bound a design point needs not to be pruned: the last top design's score, or none. */
    double pruningFitness() {
        return last == null ? Double.NEGATIVE_INFINITY : direction.score(last.fitness());
    }
}
