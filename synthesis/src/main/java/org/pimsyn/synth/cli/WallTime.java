package org.pimsyn.synth.cli;

import java.util.Locale;

/** Elapsed wall-clock time for people: milliseconds below a second, then seconds, minutes, hours. */
final class WallTime {
    private WallTime() {
    }

    /** "850 ms", "163.6 s", "12 min 05 s", "3 h 07 min". */
    static String of(double ms) {
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        double seconds = ms / 1000;
        if (seconds < 600) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = (long) seconds;
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
    }
}
