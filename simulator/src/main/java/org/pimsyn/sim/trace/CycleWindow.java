package org.pimsyn.sim.trace;

import org.pimsyn.sim.InvalidSimulationInputException;

/**
 * The cycles a trace covers: {@code [startCycle, endCycle)}. Events outside are dropped and executions
 * crossing an edge are clipped to it; {@link #ALL} keeps everything.
 *
 * @param endCycle {@link Long#MAX_VALUE} for "to the end of the run"
 */
public record CycleWindow(long startCycle, long endCycle) {
    /** The whole run. */
    public static final CycleWindow ALL = new CycleWindow(0, Long.MAX_VALUE);

    public CycleWindow {
        if (startCycle < 0) {
            throw new InvalidSimulationInputException("trace window: START must be >= 0, got " + startCycle);
        }
        if (endCycle <= startCycle) {
            throw new InvalidSimulationInputException("trace window: END (" + endCycle + ") must be above START ("
                    + startCycle + ")");
        }
    }

    /**
     * Parses {@code START:END} in cycles, e.g. {@code 1000:5000}; either side may be left out ({@code 1000:} runs
     * to the end, {@code :5000} starts at cycle 0).
     *
     * @throws InvalidSimulationInputException naming the text and the expected form
     */
    public static CycleWindow parse(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.indexOf(':');
        if (colon < 0 || t.indexOf(':', colon + 1) >= 0) {
            throw malformed(text, "expected START:END in cycles, e.g. 1000:5000 (either side may be empty)");
        }
        long start = t.substring(0, colon).isBlank() ? 0 : cycle(text, t.substring(0, colon).strip(), "START");
        long end = t.substring(colon + 1).isBlank() ? Long.MAX_VALUE
                : cycle(text, t.substring(colon + 1).strip(), "END");
        if (end <= start) {
            throw malformed(text, "END (" + end + ") must be above START (" + start + ")");
        }
        return new CycleWindow(start, end);
    }

    private static long cycle(String text, String field, String which) {
        try {
            long v = Long.parseLong(field);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted form.
        }
        throw malformed(text, which + " must be a whole number of cycles >= 0, got '" + field + "'");
    }

    private static InvalidSimulationInputException malformed(String text, String what) {
        return new InvalidSimulationInputException("trace window '" + text + "': " + what);
    }

    public boolean isAll() {
        return startCycle == 0 && endCycle == Long.MAX_VALUE;
    }

    /** The {@code START:END} text {@link #parse} reads, with an empty END for an open window. */
    @Override
    public String toString() {
        return startCycle + ":" + (endCycle == Long.MAX_VALUE ? "" : Long.toString(endCycle));
    }
}
