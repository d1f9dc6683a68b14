package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.objective.Objectives;

class ExplorationLogTest {
    private static final long SECOND_NS = 1_000_000_000L;

    private final StringWriter text = new StringWriter();
    private long nowNs = 5 * SECOND_NS;
    private final ExplorationLog log = new ExplorationLog(new PrintWriter(text), 10 * SECOND_NS, () -> nowNs,
            Objectives.EFFICIENCY);

    @Test
    void printsAtStartAtMostOncePerIntervalAndAtTheEnd() {
        log.started(2_000);
        for (int i = 0; i < 1_000; i++) {
            nowNs += SECOND_NS / 1000;
            log.searched();
        }
        log.bestFitness(1234.56);
        nowNs += 9 * SECOND_NS;
        log.pruned(500);
        log.searched();
        nowNs += 20 * SECOND_NS;
        log.pruned(498);
        log.close();
        // Time left: 10 s for 1,000 searches, 500 points left of which 1,000 in 1,500 will be searched: 3.33 s;
        // then 30 s for 1,001 searches, 1 point left at a share of 1,001 in 1,999: 15 ms.
        assertEquals("""
                design points: 0 of 2,000 (0%), 0 pruned, 0 ms elapsed
                design points: 1,500 of 2,000 (75%), 500 pruned, best 1,234.6 GOPS/W, 10.0 s elapsed, about 3.3 s left
                design points: 1,999 of 2,000 (99%), 998 pruned, best 1,234.6 GOPS/W, 30.0 s elapsed, about 15 ms left
                """, text.toString());
    }

    @Test
    void theLastLineRepeatsNothingAlreadyPrinted() {
        log.started(3);
        nowNs += 11 * SECOND_NS;
        log.pruned(3);
        log.close();
        assertEquals("""
                design points: 0 of 3 (0%), 0 pruned, 0 ms elapsed
                design points: 3 of 3 (100%), 3 pruned, 11.0 s elapsed
                """, text.toString());
    }

    @Test
    void aResumedRunEstimatesTheTimeLeftFromItsOwnSearchesAlone() {
        log.started(100);
        log.fromCheckpoint(40);
        log.pruned(10);
        nowNs += 10 * SECOND_NS;
        log.fromCheckpoint(1);
        for (int i = 0; i < 10; i++) {
            nowNs += SECOND_NS;
            log.searched();
        }
        log.close();
        // Nothing searched yet at 10 s: no estimate. Then 10 searches in 20 s; 39 points left, of which those
        // searched or taken (51 of 61) will be searched: 2 s x 39 x 51 / 61 = 65.2 s.
        assertEquals("""
                design points: 0 of 100 (0%), 0 pruned, 0 ms elapsed
                design points: 51 of 100 (51%), 10 pruned, 41 from the checkpoint, 10.0 s elapsed
                design points: 61 of 100 (61%), 10 pruned, 41 from the checkpoint, 20.0 s elapsed, about 65.2 s left
                """, text.toString());
    }

    @Test
    void theTimeLeftCountsOnlyThePointsWhoseBoundStillReachesTheTopDesigns() {
        log.started(1_000);
        log.stillSearchable(1_000);
        for (int i = 0; i < 100; i++) {
            nowNs += SECOND_NS / 10;
            log.searched();
        }
        // 100 searched in 10 s; the explorer says 40 of the 900 left can still reach the top designs.
        log.stillSearchable(40);
        for (int i = 0; i < 10; i++) {
            nowNs += SECOND_NS / 10;
            log.searched();
        }
        log.close();
        // At 10 s: 0.1 s per search for the 900 of 1,000 searchable not yet searched, 90 s. At the end, 11 s for
        // 110 searches: 0.1 s each, for the 30 of the 40 not yet searched: 3 s.
        assertEquals("""
                design points: 0 of 1,000 (0%), 0 pruned, 0 ms elapsed
                design points: 100 of 1,000 (10%), 0 pruned, 10.0 s elapsed, about 90.0 s left
                design points: 110 of 1,000 (11%), 0 pruned, 11.0 s elapsed, about 3.0 s left
                """, text.toString());
    }

    @Test
    void aRunThatNeverStartedPrintsNothing() {
        log.close();
        assertEquals("", text.toString());
    }
}
