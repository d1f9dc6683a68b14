package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pimsyn.synth.explore.PlannedPoints.outcome;
import static org.pimsyn.synth.explore.PlannedPoints.planned;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplorationTallyTest {
    private static final PlannedDesignPoint POINT = planned(0, 0.3, 2, 1);

    @Test
    void aDesignAboveZeroCountsAsFoundAndAnythingElseAsAReason() {
        ExplorationTally tally = new ExplorationTally();
        assertTrue(tally.counted(new PointOutcome(outcome(POINT, 12, ""), true)));
        assertFalse(tally.counted(new PointOutcome(outcome(POINT, 0, ""), true)));
        assertFalse(tally.counted(new PointOutcome(outcome(POINT, 0, ""), false)));
        assertFalse(tally.counted(new PointOutcome(outcome(POINT, 0, "b too hot"), false)));
        assertFalse(tally.counted(new PointOutcome(outcome(POINT, 0, "a too slow"), false)));
        assertFalse(tally.counted(new PointOutcome(outcome(POINT, 0, "b too hot"), false)));
        assertEquals(List.of(Map.entry("b too hot", 2), Map.entry("a too slow", 1),
                Map.entry("its best design has a fitness of 0", 1), Map.entry("no design found", 1)),
                List.copyOf(tally.sortedReasons().entrySet()), "most frequent first, ties by reason");
    }

    @Test
    void theStatisticsJoinTheEnumerationsCountsWithTheVisits() {
        ExplorationTally tally = new ExplorationTally();
        tally.pruned(3);
        tally.pruned(2);
        tally.searched(40);
        tally.searched(2);
        tally.reused();
        tally.counted(new PointOutcome(outcome(POINT, 12, ""), true));
        DesignPointEnumeration e = new DesignPointEnumeration(List.of(POINT), 9, 1,
                List.of(new InfeasiblePoint(0.05, 2, 256, "too big")), 14, 4);
        assertEquals(new ExplorationStatistics(9, 1, 1, 14, 4, 5, 7, 2, 1, 1, 42), tally.statistics(e, 7));
        assertEquals(2, tally.searched());
    }
}
