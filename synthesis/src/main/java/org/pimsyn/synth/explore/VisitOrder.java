package org.pimsyn.synth.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The order in which the design points are visited: by fitness bound, highest first, ties in loop order. The walk
 * takes them a batch at a time and skips, as pruned, those whose bound is below the bar of the moment; the bar only
 * rises, so a point skipped could never have entered the top designs.
 */
final class VisitOrder {
    /** The next design points to search, and those skipped on the way, both in visiting order. */
    record Batch(List<PlannedDesignPoint> toSearch, List<PlannedDesignPoint> pruned) {
    }

    private final List<PlannedDesignPoint> points;
    private final double[] bounds;
    private final Integer[] byBound;
    private int cursor;

    /** @param bounds the fitness bound of each point, by its index in {@code points} */
    VisitOrder(List<PlannedDesignPoint> points, double[] bounds) {
        if (bounds.length != points.size()) {
            throw new IllegalArgumentException(bounds.length + " bounds for " + points.size() + " design points");
        }
        this.points = points;
        this.bounds = bounds.clone();
        byBound = new Integer[bounds.length];
        Arrays.setAll(byBound, i -> i);
        Arrays.sort(byBound, (a, b) -> {
            int c = Double.compare(this.bounds[b], this.bounds[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
    }

    boolean hasNext() {
        return cursor < byBound.length;
    }

    /** Design points neither searched nor pruned yet. */
    int notVisited() {
        return byBound.length - cursor;
    }

    /** Design points not visited yet whose bound reaches {@code bar}: the most that are still to be searched. */
    int stillSearchable(double bar) {
        int lo = cursor;
        int hi = byBound.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bounds[byBound[mid]] >= bar) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - cursor;
    }

    /** Walks on until {@code size} points to search are found or none is left, skipping those below {@code bar}. */
    Batch next(int size, double bar) {
        List<PlannedDesignPoint> toSearch = new ArrayList<>(size);
        List<PlannedDesignPoint> pruned = new ArrayList<>();
        while (toSearch.size() < size && cursor < byBound.length) {
            int t = byBound[cursor++];
            (bounds[t] < bar ? pruned : toSearch).add(points.get(t));
        }
        return new Batch(toSearch, pruned);
    }
}
