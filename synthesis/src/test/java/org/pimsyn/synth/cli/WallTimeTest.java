package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WallTimeTest {
    @Test
    void belowASecondInMilliseconds() {
        assertEquals("0 ms", WallTime.of(0));
        assertEquals("850 ms", WallTime.of(849.6));
    }

    @Test
    void belowTenMinutesInSecondsToOneDecimal() {
        assertEquals("1.0 s", WallTime.of(1000));
        assertEquals("163.6 s", WallTime.of(163_583));
        assertEquals("599.9 s", WallTime.of(599_900));
    }

    @Test
    void longerRunsInMinutesAndHours() {
        assertEquals("10 min 00 s", WallTime.of(600_000));
        assertEquals("12 min 05 s", WallTime.of(725_400));
        assertEquals("3 h 07 min", WallTime.of(3 * 3_600_000 + 7 * 60_000 + 59_000));
    }
}
