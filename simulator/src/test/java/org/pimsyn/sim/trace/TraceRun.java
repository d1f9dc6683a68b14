package org.pimsyn.sim.trace;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.engine.Activity;
import org.pimsyn.sim.engine.SimulationEngine;
import org.pimsyn.sim.engine.SimulationObserver;

/** One simulation traced into memory by one writer: the engine's counts and the text written. */
record TraceRun(Activity activity, String text) {
    static TraceRun of(TraceDesigns.Case c, Function<OutputStream, SimulationObserver> writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Activity a = new SimulationEngine().run(c.accelerator(), TestDesigns.library(), c.program(), c.images(),
                writer.apply(bytes));
        return new TraceRun(a, bytes.toString(StandardCharsets.US_ASCII));
    }

    static TraceRun chrome(TraceDesigns.Case c, CycleWindow window) {
        return of(c, out -> new ChromeTraceWriter(out, window));
    }

    static TraceRun vcd(TraceDesigns.Case c, CycleWindow window) {
        return of(c, out -> new VcdWriter(out, window));
    }

    static TraceRun csv(TraceDesigns.Case c, CycleWindow window, long windowCycles) {
        return of(c, out -> new UtilizationCsvWriter(out, window, windowCycles));
    }
}
