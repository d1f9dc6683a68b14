package org.pimsyn.sim.trace;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.pimsyn.sim.InvalidSimulationInputException;

/**
 * What to trace and where: the formats, the directory and base name of the files ({@code <base><suffix>}, plus
 * {@code .gz} when gzipped), the window of cycles kept, and the window length of the utilization CSV.
 *
 * @param csvWindowCycles length of one utilization window in cycles (the last one may be shorter)
 */
public record TraceOptions(Set<TraceFormat> formats, Path directory, String baseName, boolean gzip,
        CycleWindow window, long csvWindowCycles) {
    public static final String DEFAULT_BASE_NAME = "trace";
    public static final long DEFAULT_CSV_WINDOW_CYCLES = 1000;

    public TraceOptions {
        formats = formats == null || formats.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(formats));
        if (formats.isEmpty()) {
            throw new InvalidSimulationInputException("trace formats: none given; allowed are chrome, vcd, csv, all");
        }
        if (directory == null) {
            throw new InvalidSimulationInputException("trace directory is missing");
        }
        if (baseName == null || baseName.isBlank() || baseName.contains("/") || baseName.contains("\\")
                || baseName.equals(".") || baseName.equals("..")) {
            throw new InvalidSimulationInputException("trace base name '" + baseName
                    + "': must be a non-empty file name without directory separators");
        }
        window = window == null ? CycleWindow.ALL : window;
        if (csvWindowCycles < 1) {
            throw new InvalidSimulationInputException("trace CSV window: must be >= 1 cycle, got " + csvWindowCycles);
        }
    }

    /** Every format, base name {@value #DEFAULT_BASE_NAME}, no gzip, the whole run, CSV windows of 1000 cycles. */
    public static TraceOptions defaults(Path directory) {
        return new TraceOptions(EnumSet.allOf(TraceFormat.class), directory, DEFAULT_BASE_NAME, false,
                CycleWindow.ALL, DEFAULT_CSV_WINDOW_CYCLES);
    }

    public TraceOptions withFormats(Set<TraceFormat> f) {
        return new TraceOptions(f, directory, baseName, gzip, window, csvWindowCycles);
    }

    public TraceOptions withBaseName(String name) {
        return new TraceOptions(formats, directory, name, gzip, window, csvWindowCycles);
    }

    public TraceOptions withGzip(boolean on) {
        return new TraceOptions(formats, directory, baseName, on, window, csvWindowCycles);
    }

    public TraceOptions withWindow(CycleWindow w) {
        return new TraceOptions(formats, directory, baseName, gzip, w, csvWindowCycles);
    }

    public TraceOptions withCsvWindowCycles(long cycles) {
        return new TraceOptions(formats, directory, baseName, gzip, window, cycles);
    }

    /** The file a format is written to. */
    public Path path(TraceFormat format) {
        return directory.resolve(baseName + format.suffix() + (gzip ? ".gz" : ""));
    }
}
