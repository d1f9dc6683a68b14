package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pimsyn.synth.explore.PlannedPoints.outcome;
import static org.pimsyn.synth.explore.PlannedPoints.planned;
import static org.pimsyn.synth.explore.PlannedPoints.ranked;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.objective.Direction;

class CheckpointReplayTest {
    /** The top designs are full, their last at fitness 100 and order 5. */
    private static final TopDesignBar BAR = new TopDesignBar(ranked(5, 100), Direction.HIGHER_IS_BETTER);
    private static final PlannedDesignPoint EARLY = planned(3, 0.3, 2, 2, 1);
    private static final PlannedDesignPoint LATE = planned(8, 0.3, 2, 1, 1);

    private static FinishedDesignPoint recorded(PlannedDesignPoint p, double fitness, Design design) {
        return new FinishedDesignPoint(p.key(), true, fitness, new double[] {fitness}, 10, "", design);
    }

    @Test
    void aRecordedPointWithoutItsDesignIsTakenOnlyWhereItCannotEnterTheTop() {
        CheckpointReplay replay = new CheckpointReplay(Map.of(EARLY.order(), recorded(EARLY, 100, null),
                LATE.order(), recorded(LATE, 100, null)));
        assertNull(replay.take(EARLY, BAR), "a tie at an earlier order would enter: searched again");
        PointOutcome late = replay.take(LATE, BAR);
        assertNotNull(late);
        assertTrue(late.found());
        assertTrue(late.designMissing());
        assertEquals(1, replay.taken());
        assertNull(replay.take(planned(9, 0.3, 2, 1), BAR), "never recorded");
        assertNull(replay.take(LATE, TopDesignBar.NONE), "while the top is not full, any design would enter");
        assertEquals(1, replay.taken());
    }

    @Test
    void aRecordedPointWithItsDesignIsAlwaysTaken() {
        Design design = PlannedPoints.design();
        CheckpointReplay replay = new CheckpointReplay(Map.of(EARLY.order(), recorded(EARLY, 500, design)));
        PointOutcome o = replay.take(EARLY, BAR);
        assertSame(design, o.outcome().best());
        assertFalse(o.designMissing());
        assertEquals(500, o.outcome().fitness());
    }

    @Test
    void theCheckpointKeepsADesignOnlyWhereItCouldEnterTheTop() {
        Design design = PlannedPoints.design();
        CandidateOutcome found = new CandidateOutcome(EARLY.point(), EARLY.duplication(), design, 100,
                new double[] {50, 100}, 12, "");
        FinishedDesignPoint kept = CheckpointReplay.finished(EARLY, PointOutcome.searched(found), BAR);
        assertSame(design, kept.design());
        assertEquals(EARLY.key(), kept.key());
        FinishedDesignPoint dropped = CheckpointReplay.finished(LATE, PointOutcome.searched(found.at(LATE.point(),
                LATE.duplication())), BAR);
        assertNull(dropped.design());
        assertTrue(dropped.found());
        assertEquals(100, dropped.fitness());
        assertEquals(12, dropped.evaluations());
        FinishedDesignPoint none = CheckpointReplay.finished(LATE,
                PointOutcome.searched(outcome(LATE, 0, "too hot")), TopDesignBar.NONE);
        assertFalse(none.found());
        assertEquals("too hot", none.reason());
    }
}
