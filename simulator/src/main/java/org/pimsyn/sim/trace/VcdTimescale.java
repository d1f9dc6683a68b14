package org.pimsyn.sim.trace;

/**
 * The VCD time unit for a clock, and cycle-to-time conversion. VCD allows only 1, 10 or 100 of s, ms, us, ns,
 * ps or fs. When the clock period is a whole number of femtoseconds, the unit is the largest allowed one that
 * divides it, and a cycle is a whole number of units (1 GHz: 1 ns, one unit per cycle; 1.25 GHz: 100 ps, eight
 * units per cycle). Otherwise (1.2 GHz: 833.33 ps) the unit is 1 ps and each cycle edge is rounded to it, which
 * keeps edges in order and distinct for clocks up to 1000 GHz.
 *
 * @param unit         the {@code $timescale} text, e.g. {@code 1 ns}
 * @param unitsPerCycle time units per cycle; whole when {@code exact}
 * @param exact        a cycle is exactly a whole number of units
 */
record VcdTimescale(String unit, double unitsPerCycle, boolean exact) {
    private static final String[] UNIT_NAMES = {"s", "ms", "us", "ns", "ps", "fs"};
    private static final long[] FEMTOSECONDS = {1_000_000_000_000_000L, 1_000_000_000_000L, 1_000_000_000L,
        1_000_000L, 1_000L, 1L};

    static VcdTimescale of(double clockGhz) {
        double periodFs = 1e6 / clockGhz;
        long whole = Math.round(periodFs);
        if (whole >= 1 && Math.abs(periodFs - whole) <= 1e-9 * whole) {
            for (int u = 0; u < UNIT_NAMES.length; u++) {
                for (long multiple = 100; multiple >= 1; multiple /= 10) {
                    long unitFs = FEMTOSECONDS[u] * multiple;
                    if (whole % unitFs == 0) {
                        return new VcdTimescale(multiple + " " + UNIT_NAMES[u], whole / unitFs, true);
                    }
                }
            }
        }
        return new VcdTimescale("1 ps", periodFs / 1000, false);
    }

    /** The VCD time of a cycle edge, in units. */
    long time(long cycle) {
        return exact ? cycle * (long) unitsPerCycle : Math.round(cycle * unitsPerCycle);
    }

    /** One line for the header comment. */
    String describe() {
        if (exact) {
            long units = (long) unitsPerCycle;
            return "one cycle = " + units + (units == 1 ? " time unit" : " time units") + " of " + unit;
        }
        return "one cycle = " + Math.round(unitsPerCycle * 1000) / 1000.0
                + " ps; each cycle edge rounded to the nearest ps";
    }
}
