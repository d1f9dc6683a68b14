package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pimsyn.synth.explore.PlannedPoints.ranked;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.objective.Direction;

class TopDesignsTest {
    private static List<String> orderAndFitness(TopDesigns top) {
        return top.list().stream().map(d -> d.order() + ":" + d.fitness()).toList();
    }

    @Test
    void designsRankByFitnessThenLoopOrderAndTheLastFallsOutBeyondTheCapacity() {
        TopDesigns top = new TopDesigns(3, Direction.HIGHER_IS_BETTER);
        assertTrue(top.isEmpty());
        assertEquals(0, top.bestFitness());
        top.add(ranked(5, 200));
        top.add(ranked(2, 100));
        top.add(ranked(7, 200));
        assertEquals(List.of("5:200.0", "7:200.0", "2:100.0"), orderAndFitness(top));
        top.add(ranked(3, 200));
        assertEquals(List.of("3:200.0", "5:200.0", "7:200.0"), orderAndFitness(top), "100 falls out");
        top.add(ranked(1, 150));
        assertEquals(List.of("3:200.0", "5:200.0", "7:200.0"), orderAndFitness(top), "150 does not enter");
        assertEquals(200, top.bestFitness());
    }

    @Test
    void theBarIsTheLastDesignOnceTheListIsFull() {
        TopDesigns top = new TopDesigns(2, Direction.HIGHER_IS_BETTER);
        top.add(ranked(4, 300));
        assertNull(top.bar().last());
        assertEquals(Double.NEGATIVE_INFINITY, top.bar().pruningFitness());
        RankedDesign last = ranked(6, 100);
        top.add(last);
        assertSame(last, top.bar().last());
        assertEquals(100, top.bar().pruningFitness());
    }

    @Test
    void theBarAdmitsAFoundDesignAboveItOrEqualAndEarlierInLoopOrder() {
        TopDesignBar bar = new TopDesignBar(ranked(6, 100), Direction.HIGHER_IS_BETTER);
        assertTrue(bar.admits(9, true, 100.5));
        assertTrue(bar.admits(5, true, 100), "a tie goes to the earlier design point");
        assertFalse(bar.admits(6, true, 100));
        assertFalse(bar.admits(7, true, 100));
        assertFalse(bar.admits(0, true, 99));
        assertFalse(bar.admits(0, false, 500), "no design, whatever the recorded fitness");
    }

    @Test
    void withoutABarEveryFoundDesignAboveZeroEnters() {
        assertTrue(TopDesignBar.NONE.admits(1000, true, Double.MIN_VALUE));
        assertFalse(TopDesignBar.NONE.admits(0, true, 0));
        assertFalse(TopDesignBar.NONE.admits(0, true, Double.NaN));
        assertFalse(TopDesignBar.NONE.admits(0, false, 10));
    }
}
