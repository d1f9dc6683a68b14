package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pimsyn.synth.explore.PlannedPoints.planned;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VisitOrderTest {
    /** Five points whose bounds give the visiting order 1, 4 (9, a tie in loop order), 0, 2 (5), 3 (1). */
    private static final double[] BOUNDS = {5, 9, 5, 1, 9};

    private static VisitOrder order() {
        List<PlannedDesignPoint> points = new ArrayList<>();
        for (int i = 0; i < BOUNDS.length; i++) {
            points.add(planned(i, 0.3, 2, i + 1));
        }
        return new VisitOrder(points, BOUNDS);
    }

    private static List<Integer> orders(List<PlannedDesignPoint> points) {
        return points.stream().map(PlannedDesignPoint::order).toList();
    }

    @Test
    void pointsComeByBoundHighestFirstTiesInLoopOrder() {
        VisitOrder order = order();
        VisitOrder.Batch first = order.next(2, Double.NEGATIVE_INFINITY);
        assertEquals(List.of(1, 4), orders(first.toSearch()));
        assertEquals(List.of(), first.pruned());
        VisitOrder.Batch rest = order.next(16, Double.NEGATIVE_INFINITY);
        assertEquals(List.of(0, 2, 3), orders(rest.toSearch()));
        assertFalse(order.hasNext());
        assertEquals(0, order.notVisited());
    }

    @Test
    void pointsBelowTheBarArePrunedOnTheWayAndDoNotCountTowardsTheBatch() {
        VisitOrder order = order();
        order.next(2, Double.NEGATIVE_INFINITY);
        VisitOrder.Batch batch = order.next(2, 6);
        assertEquals(List.of(), batch.toSearch());
        assertEquals(List.of(0, 2, 3), orders(batch.pruned()), "walked to the end looking for two to search");
        assertFalse(order.hasNext());
    }

    @Test
    void aBoundEqualToTheBarIsSearched() {
        VisitOrder order = order();
        order.next(2, Double.NEGATIVE_INFINITY);
        VisitOrder.Batch batch = order.next(1, 5);
        assertEquals(List.of(0), orders(batch.toSearch()));
        assertEquals(List.of(), batch.pruned());
        assertTrue(order.hasNext());
        assertEquals(2, order.notVisited());
    }

    @Test
    void stillSearchableCountsTheUnvisitedPointsWhoseBoundReachesTheBar() {
        VisitOrder order = order();
        assertEquals(5, order.stillSearchable(Double.NEGATIVE_INFINITY));
        assertEquals(4, order.stillSearchable(5));
        assertEquals(2, order.stillSearchable(5.5));
        assertEquals(0, order.stillSearchable(10));
        order.next(3, Double.NEGATIVE_INFINITY);
        assertEquals(1, order.stillSearchable(5), "only point 2 of the bounds of 5 is left");
        assertEquals(2, order.stillSearchable(1));
    }

    @Test
    void everyPointNeedsABound() {
        assertThrows(IllegalArgumentException.class,
                () -> new VisitOrder(List.of(planned(0, 0.3, 2, 1)), new double[] {1, 2}));
    }
}
