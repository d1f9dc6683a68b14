package org.pimsyn.synth.explore;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The searches that design points share (they differ only in RatioRram): each outcome is held while points of its
 * key are still to be visited, so that a run holds few outcomes at a time.
 */
final class SharedSearches {
    private final Map<SearchKey, PointOutcome> outcomes = new HashMap<>();
    private final Map<SearchKey, Integer> pendingByKey = new HashMap<>();
    /** Keys of the design points counted so far: a point whose key is here shares an earlier search. */
    private final Set<SearchKey> counted = new HashSet<>();

    SharedSearches(List<PlannedDesignPoint> points) {
        for (PlannedDesignPoint p : points) {
            pendingByKey.merge(p.searchKey(), 1, Integer::sum);
        }
    }

    /** The outcome of the key's search, or null when none is held. */
    PointOutcome get(SearchKey key) {
        return outcomes.get(key);
    }

    /** Holds the outcome of the key's search, replacing one held. */
    void put(SearchKey key, PointOutcome outcome) {
        outcomes.put(key, outcome);
    }

    /** Holds the outcome of the key's search unless one is held already. */
    void offer(SearchKey key, PointOutcome outcome) {
        outcomes.putIfAbsent(key, outcome);
    }

    /**
     * Whether a point of this key is the first to be counted, so that it ran the search; the others shared it.
     * That depends on the visiting order alone, never on whether outcomes came from a checkpoint.
     */
    boolean firstCounted(SearchKey key) {
        return counted.add(key);
    }

    /** One design point of the key is done, searched or pruned; the outcome is dropped after the last. */
    void visited(SearchKey key) {
        if (pendingByKey.merge(key, -1, Integer::sum) == 0) {
            pendingByKey.remove(key);
            outcomes.remove(key);
        }
    }
}
