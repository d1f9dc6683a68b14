package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pimsyn.synth.explore.PlannedPoints.outcome;
import static org.pimsyn.synth.explore.PlannedPoints.planned;

import java.util.List;
import org.junit.jupiter.api.Test;

class SharedSearchesTest {
    /** Points 0 and 2 differ only in RatioRram: one search; point 1 has other duplications. */
    private static final List<PlannedDesignPoint> POINTS = List.of(planned(0, 0.05, 2, 2, 1),
            planned(1, 0.05, 2, 1, 1), planned(2, 0.3, 2, 2, 1));
    private static final SearchKey SHARED = POINTS.get(0).searchKey();

    @Test
    void anOutcomeIsHeldUntilTheLastPointOfItsKeyIsVisited() {
        SharedSearches shared = new SharedSearches(POINTS);
        PointOutcome o = PointOutcome.searched(outcome(POINTS.get(0), 0, "none"));
        shared.put(SHARED, o);
        shared.visited(SHARED);
        assertSame(o, shared.get(POINTS.get(2).searchKey()));
        shared.visited(SHARED);
        assertNull(shared.get(SHARED));
        assertNull(shared.get(POINTS.get(1).searchKey()));
    }

    @Test
    void anOfferNeverReplacesAnOutcomeButAPutDoes() {
        SharedSearches shared = new SharedSearches(POINTS);
        PointOutcome first = PointOutcome.searched(outcome(POINTS.get(0), 0, "first"));
        PointOutcome second = PointOutcome.searched(outcome(POINTS.get(2), 0, "second"));
        shared.offer(SHARED, first);
        shared.offer(SHARED, second);
        assertSame(first, shared.get(SHARED));
        shared.put(SHARED, second);
        assertSame(second, shared.get(SHARED));
    }

    @Test
    void onlyTheFirstPointOfAKeyToBeCountedRanTheSearch() {
        SharedSearches shared = new SharedSearches(POINTS);
        assertTrue(shared.firstCounted(SHARED));
        assertTrue(shared.firstCounted(POINTS.get(1).searchKey()));
        assertFalse(shared.firstCounted(POINTS.get(2).searchKey()));
        shared.visited(SHARED);
        shared.visited(SHARED);
        assertFalse(shared.firstCounted(SHARED), "still counted once the outcome is dropped");
    }
}
