package org.pimsyn.synth.explore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** The best designs so far, best first by fitness, ties going to the earlier loop order; at most a capacity. */
final class TopDesigns {
    private static final Comparator<RankedDesign> RANKING = Comparator.comparingDouble(RankedDesign::fitness).reversed()
            .thenComparingInt(RankedDesign::order);

    private final int capacity;
    private final List<RankedDesign> designs = new ArrayList<>();

    TopDesigns(int capacity) {
        this.capacity = capacity;
    }

    /** Takes the design in its place; the last falls out when that leaves more than the capacity. */
    void add(RankedDesign design) {
        int at = Collections.binarySearch(designs, design, RANKING);
        designs.add(at < 0 ? -at - 1 : at, design);
        if (designs.size() > capacity) {
            designs.remove(designs.size() - 1);
        }
    }

    TopDesignBar bar() {
        return designs.size() == capacity ? new TopDesignBar(designs.get(designs.size() - 1)) : TopDesignBar.NONE;
    }

    boolean isEmpty() {
        return designs.isEmpty();
    }

    /** The best fitness, 0 while there is no design. */
    double bestFitness() {
        return designs.isEmpty() ? 0 : designs.get(0).fitness();
    }

    List<RankedDesign> list() {
        return List.copyOf(designs);
    }
}
