package org.pimsyn.synth.explore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.pimsyn.synth.objective.Direction;

/**
 * The best designs so far, best first by the objective's score of their fitness, ties going to the earlier loop
 * order; at most a capacity.
 */
final class TopDesigns {
    private final Direction direction;
    private final Comparator<RankedDesign> ranking;
    private final int capacity;
    private final List<RankedDesign> designs = new ArrayList<>();

    /** @param direction the objective's, which turns fitness values into scores */
    TopDesigns(int capacity, Direction direction) {
        this.capacity = capacity;
        this.direction = direction;
        this.ranking = Comparator.comparingDouble((RankedDesign d) -> direction.score(d.fitness())).reversed()
                .thenComparingInt(RankedDesign::order);
    }

    /** Takes the design in its place; the last falls out when that leaves more than the capacity. */
    void add(RankedDesign design) {
        int at = Collections.binarySearch(designs, design, ranking);
        designs.add(at < 0 ? -at - 1 : at, design);
        if (designs.size() > capacity) {
            designs.remove(designs.size() - 1);
        }
    }

    TopDesignBar bar() {
        return new TopDesignBar(designs.size() == capacity ? designs.get(designs.size() - 1) : null, direction);
    }

    boolean isEmpty() {
        return designs.isEmpty();
    }

    /** The best fitness (the objective's value), 0 while there is no design. */
    double bestFitness() {
        return designs.isEmpty() ? 0 : designs.get(0).fitness();
    }

    List<RankedDesign> list() {
        return List.copyOf(designs);
    }
}
