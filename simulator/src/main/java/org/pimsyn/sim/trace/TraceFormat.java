package org.pimsyn.sim.trace;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.pimsyn.sim.InvalidSimulationInputException;

/** The trace files a run can write, each with the suffix appended to the base name. */
public enum TraceFormat {
    /** Chrome trace-event JSON, for ui.perfetto.dev and chrome://tracing. */
    CHROME(".trace.json"),
    /** IEEE 1364 value change dump, for GTKWave. */
    VCD(".vcd"),
    /** Utilization per resource per window of cycles. */
    CSV(".utilization.csv");

    private final String suffix;

    TraceFormat(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** Lower-case name, as {@link #parseList} reads it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a comma-separated list of {@code chrome}, {@code vcd}, {@code csv} or {@code all} (case ignored).
     *
     * @throws InvalidSimulationInputException naming the unknown entry and the allowed ones
     */
    public static Set<TraceFormat> parseList(String text) {
        EnumSet<TraceFormat> formats = EnumSet.noneOf(TraceFormat.class);
        for (String part : (text == null ? "" : text).split(",", -1)) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.equals("all")) {
                formats.addAll(EnumSet.allOf(TraceFormat.class));
                continue;
            }
            TraceFormat found = null;
            for (TraceFormat f : values()) {
                if (f.label().equals(name)) {
                    found = f;
                }
            }
            if (found == null) {
                throw new InvalidSimulationInputException("trace format '" + part.strip()
                        + "': allowed are chrome, vcd, csv, all (comma-separated)");
            }
            formats.add(found);
        }
        return formats;
    }
}
