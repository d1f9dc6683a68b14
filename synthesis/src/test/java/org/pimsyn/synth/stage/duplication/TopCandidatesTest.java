package org.pimsyn.synth.stage.duplication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopCandidatesTest {
    @Test
    void keepsTheBestDistinctVectorsByEnergyThenLexicographically() {
        DuplicationProblem p = DuplicationProblem.of(TinyNetworks.threeLayers(), 8, 1, 2, 1000);
        TopCandidates top = new TopCandidates(3, 3);
        int[] v = {2, 1, 1};
        assertTrue(top.offer(5.0, v));
        v[0] = 9;   // the ranking keeps its own copy
        assertFalse(top.offer(5.0, new int[] {2, 1, 1}));
        assertTrue(top.offer(5.0, new int[] {1, 3, 1}));
        assertTrue(top.offer(7.0, new int[] {1, 1, 1}));
        assertTrue(top.offer(1.0, new int[] {3, 3, 1}));  // evicts the 7.0
        assertFalse(top.offer(6.0, new int[] {4, 4, 1}));
        assertEquals(3, top.size());
        List<DuplicationCandidate> list = top.toList(p);
        assertEquals(List.of(
                new DuplicationCandidate(new int[] {3, 3, 1}, 1.0, 3 * 4 + 3 * 6 + 4),
                new DuplicationCandidate(new int[] {1, 3, 1}, 5.0, 4 + 3 * 6 + 4),
                new DuplicationCandidate(new int[] {2, 1, 1}, 5.0, 2 * 4 + 6 + 4)), list);
    }

    @Test
    void candidatesAreImmutableValues() {
        int[] dup = {1, 2};
        DuplicationCandidate c = new DuplicationCandidate(dup, 1.5, 9);
        dup[0] = 7;
        c.duplications()[1] = 7;
        assertEquals(1, c.duplication(0));
        assertEquals(2, c.duplication(1));
        assertEquals(new DuplicationCandidate(new int[] {1, 2}, 1.5, 9), c);
        assertEquals(new DuplicationCandidate(new int[] {1, 2}, 1.5, 9).hashCode(), c.hashCode());
    }
}
