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
import org.pimsyn.synth.design.DesignFigures;
import org.pimsyn.synth.objective.Direction;

class CheckpointReplayTest {
    /** Figures no design of these tests reaches. */
    private static final DesignFigures UNBEATEN = new DesignFigures(1e12, 1e12, 1, 1, 0.0);
    private static final DesignFigures MODEST = new DesignFigures(10, 10, 1, 1, 1.0);
    /**
     * The top designs are full, their last at fitness 100 and order 5; the front holds a design that beats every
     * other, so that only the top decides.
     */
    private static final Standing BAR = new Standing(new TopDesignBar(ranked(5, 100), Direction.HIGHER_IS_BETTER),
            front(UNBEATEN));
    private static final Standing NONE = new Standing(TopDesignBar.NONE, front(UNBEATEN));
    private static final PlannedDesignPoint EARLY = planned(3, 0.3, 2, 2, 1);
    private static final PlannedDesignPoint LATE = planned(8, 0.3, 2, 1, 1);

    private static ParetoFront front(DesignFigures member) {
        ParetoFront front = new ParetoFront(true);
        front.add(ranked(0, 1000), member);
        return front;
    }

    private static FinishedDesignPoint recorded(PlannedDesignPoint p, double fitness, Design design) {
        return new FinishedDesignPoint(p.key(), true, fitness, new double[] {fitness}, 10, "", design,
                design == null ? MODEST : DesignFigures.of(design));
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
        assertNull(replay.take(LATE, NONE), "while the top is not full, any design would enter");
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
                PointOutcome.searched(outcome(LATE, 0, "too hot")), NONE);
        assertFalse(none.found());
        assertEquals("too hot", none.reason());
    }

    @Test
    void aDesignThatCouldJoinTheFrontIsKeptAndOneRecordedWithoutFiguresIsSearchedAgain() {
        Standing belowTheTopOnAnEmptyFront = new Standing(BAR.bar(), new ParetoFront(true));
        CheckpointReplay replay = new CheckpointReplay(Map.of(LATE.order(), recorded(LATE, 100, null)));
        assertNull(replay.take(LATE, belowTheTopOnAnEmptyFront), "it would join the front: searched again");
        Design design = PlannedPoints.design();
        CandidateOutcome found = new CandidateOutcome(LATE.point(), LATE.duplication(), design, 100,
                new double[] {100}, 12, "");
        assertSame(design, CheckpointReplay.finished(LATE, PointOutcome.searched(found), belowTheTopOnAnEmptyFront)
                .design());
        FinishedDesignPoint noFigures = new FinishedDesignPoint(LATE.key(), true, 100, new double[] {100}, 10, "",
                null, null);
        assertNull(new CheckpointReplay(Map.of(LATE.order(), noFigures)).take(LATE, BAR),
                "a checkpoint written before figures were recorded: searched again");
    }
}
