package org.pimsyn.synth.stage.duplication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pimsyn.synth.hardware.HardwareLibrary;

class CrossbarBudgetTest {
    private static final HardwareLibrary LIBRARY = HardwareLibrary.builtIn();

    @Test
    void equationThreeCountsWithTheCrossbarPeakPower() {
        // 49 W x 0.3 = 14.7 W over 1.2 mW per 256x256 crossbar = 12250 exactly.
        CrossbarBudget b = CrossbarBudget.of(LIBRARY, 49_000, 0.3, 256, 2);
        assertEquals(1.2, b.crossbarPeakPowerMw());
        assertEquals(12_250, b.crossbars());
        // 49 W x 0.1 / 0.3 mW = 16333.3 -> 16333; 49 W x 0.4 / 4.8 mW = 4083.3 -> 4083.
        assertEquals(16_333, CrossbarBudget.of(LIBRARY, 49_000, 0.1, 128, 1).crossbars());
        assertEquals(4_083, CrossbarBudget.of(LIBRARY, 49_000, 0.4, 512, 4).crossbars());
    }

    @Test
    void decimalNoiseDoesNotLoseACrossbar() {
        // 128 mW x 0.3 / 1.2 mW is 32, though 128 * 0.3 / 1.2 evaluates to 31.999999999999996 in doubles.
        assertEquals(32, CrossbarBudget.crossbarCount(128, 0.3, 1.2));
        assertEquals(31, CrossbarBudget.crossbarCount(127.99, 0.3, 1.2));
        assertEquals(0, CrossbarBudget.crossbarCount(1, 0.1, 1.2));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> CrossbarBudget.of(LIBRARY, -1, 0.3, 256, 2));
        assertThrows(IllegalArgumentException.class, () -> CrossbarBudget.of(LIBRARY, 1000, 1.5, 256, 2));
        assertThrows(IllegalArgumentException.class, () -> CrossbarBudget.of(LIBRARY, 1000, 0.3, 64, 2));
        assertThrows(IllegalArgumentException.class, () -> new CrossbarBudget(1000, 0.3, 256, 2, 1.2, 7));
    }
}
