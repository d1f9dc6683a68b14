package org.pimsyn.synth.stage.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MacroSplitTest {
    @Test
    void spreadsUnitsEvenlyOverWorkingMacrosOnly() {
        // 7 units over 3 working macros: 3, 2, 2; the idle macro gets none.
        assertArrayEquals(new int[] {3, 0, 2, 2}, MacroSplit.evenly(7, new boolean[] {true, false, true, true}));
        assertArrayEquals(new int[] {2, 2}, MacroSplit.evenly(4, new boolean[] {true, true}));
        assertArrayEquals(new int[] {0, 0}, MacroSplit.evenly(0, new boolean[] {false, false}));
    }

    @Test
    void refusesToLeaveAWorkingMacroWithout() {
        assertThrows(IllegalArgumentException.class, () -> MacroSplit.evenly(2, new boolean[] {true, true, true}));
        assertThrows(IllegalArgumentException.class, () -> MacroSplit.evenly(1, new boolean[] {false}));
        assertThrows(IllegalArgumentException.class, () -> MacroSplit.evenly(-1, new boolean[] {true}));
    }

    @Test
    void splitsSumToTheCountAndDifferByAtMostOne() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 1000; trial++) {
            boolean[] works = new boolean[1 + r.nextInt(12)];
            int working = 0;
            for (int m = 0; m < works.length; m++) {
                works[m] = r.nextInt(3) > 0;
                working += works[m] ? 1 : 0;
            }
            int units = working == 0 ? 0 : working + r.nextInt(100);
            int[] split = MacroSplit.evenly(units, works);
            int sum = 0;
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int m = 0; m < works.length; m++) {
                sum += split[m];
                if (works[m]) {
                    min = Math.min(min, split[m]);
                    max = Math.max(max, split[m]);
                    assertTrue(split[m] >= 1);
                } else {
                    assertEquals(0, split[m]);
                }
            }
            assertEquals(units, sum);
            assertTrue(working == 0 || max - min <= 1);
        }
    }
}
