package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.objective.Objectives;

class ExplorationProgressTest {
    private static final long SECOND_NS = 1_000_000_000L;

    private long nowNs = 5 * SECOND_NS;

    @Test
    void theBarsTimeLeftLeavesOutThePointsTakenFromTheCheckpoint() {
        StringWriter text = new StringWriter();
        try (ExplorationProgress bar = new ExplorationProgress(new PrintWriter(text), () -> nowNs,
                Objectives.EFFICIENCY)) {
            bar.started(20);
            bar.fromCheckpoint(10);
            nowNs += 6 * SECOND_NS;
            bar.searched();
            bar.searched();
            bar.bestFitness(321.5);
        }
        // 6 s for 2 searches, 8 points left, all to be searched: 24 s.
        String last = text.toString().substring(text.toString().lastIndexOf('\r') + 1);
        assertTrue(last.contains("12/20"), last);
        assertTrue(last.contains(" / 0:00:24)"), last);
        assertTrue(last.contains("best 321.5 GOPS/W"), last);
    }
}
