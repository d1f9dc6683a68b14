package org.pimsyn.sim.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.engine.SimulationEngine;
import org.pimsyn.sim.engine.SimulationObserver;
import org.pimsyn.sim.engine.SimulationStart;

/** Trace files on disk: names, atomic completion, gzip, and the options that choose them. */
class TraceSetTest {
    @TempDir
    Path dir;

    private static void run(TraceDesigns.Case c, SimulationObserver observer) {
        new SimulationEngine().run(c.accelerator(), TestDesigns.library(), c.program(), c.images(), observer);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everyFormatLandsUnderItsNameOnlyOnceTheRunFinishes() throws IOException {
        TraceDesigns.Case c = TraceDesigns.twoLayerChain();
        TraceOptions options = TraceOptions.defaults(dir).withBaseName("chain").withCsvWindowCycles(25);
        try (TraceSet traces = TraceSet.open(options)) {
            assertEquals(List.of(dir.resolve("chain.trace.json"), dir.resolve("chain.vcd"),
                    dir.resolve("chain.utilization.csv")), traces.outputs());
            assertTrue(files().stream().allMatch(f -> f.startsWith(".") && f.endsWith(".tmp")),
                    "only temporary files while running: " + files());
            run(c, traces.observer());
            assertEquals(3, files().size());
            assertTrue(files().stream().allMatch(f -> f.endsWith(".tmp")), "still temporary before close");
        }
        assertEquals(List.of("chain.trace.json", "chain.utilization.csv", "chain.vcd"), files());
        assertEquals(TraceRun.chrome(c, null).text(), Files.readString(dir.resolve("chain.trace.json")));
        assertEquals(TraceRun.vcd(c, null).text(), Files.readString(dir.resolve("chain.vcd")));
        assertEquals(TraceRun.csv(c, null, 25).text(), Files.readString(dir.resolve("chain.utilization.csv")));
    }

    @Test
    void gzippedTracesGunzipToTheSameBytes() throws IOException {
        TraceDesigns.Case c = TraceDesigns.twoMacrosWithTransfer();
        TraceOptions plain = TraceOptions.defaults(dir.resolve("plain"));
        TraceOptions zipped = TraceOptions.defaults(dir.resolve("zipped")).withGzip(true);
        for (TraceOptions o : List.of(plain, zipped)) {
            try (TraceSet traces = TraceSet.open(o)) {
                run(c, traces.observer());
            }
        }
        for (TraceFormat f : TraceFormat.values()) {
            Path gz = zipped.path(f);
            assertTrue(gz.getFileName().toString().endsWith(f.suffix() + ".gz"));
            byte[] unzipped;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                unzipped = in.readAllBytes();
            }
            assertArrayEquals(Files.readAllBytes(plain.path(f)), unzipped, f.label());
        }
    }

    @Test
    void anExceptionMidRunLeavesNoFileBehind() throws IOException {
        TraceDesigns.Case c = TraceDesigns.twoLayerChain();
        SimulationObserver failing = new SimulationObserver() {
            private int starts;

            @Override
            public void irStarted(long cycle, long end, int image, int ir, int[] held, int offset, int count) {
                if (++starts == 7) {
                    throw new IllegalStateException("stopped at the 7th IR");
                }
            }
        };
        IllegalStateException e;
        try (TraceSet traces = TraceSet.open(TraceOptions.defaults(dir))) {
            e = assertThrows(IllegalStateException.class,
                    () -> run(c, FanOutObserver.of(traces.observer(), failing)));
        }
        assertEquals("stopped at the 7th IR", e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void aFailedRunKeepsTheTraceOfTheRunBefore() throws IOException {
        TraceOptions options = TraceOptions.defaults(dir).withFormats(EnumSet.of(TraceFormat.CSV));
        Files.writeString(options.path(TraceFormat.CSV), "earlier trace\n");
        try (TraceSet traces = TraceSet.open(options)) {
            traces.observer().started(startOf(TraceDesigns.singleChain())); // and never finished
        }
        assertEquals("earlier trace\n", Files.readString(options.path(TraceFormat.CSV)));
        assertEquals(List.of("trace.utilization.csv"), files());
    }

    /** The start announcement of a run, captured from the engine. */
    private static SimulationStart startOf(TraceDesigns.Case c) {
        SimulationStart[] start = new SimulationStart[1];
        run(c, new SimulationObserver() {
            @Override
            public void started(SimulationStart s) {
                start[0] = s;
            }
        });
        return start[0];
    }

    @Test
    void aDirectoryThatCannotBeMadeIsReportedWithItsPath() throws IOException {
        Path blocker = dir.resolve("not-a-directory");
        Files.writeString(blocker, "x");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> TraceSet.open(TraceOptions.defaults(blocker.resolve("traces"))));
        assertTrue(e.getMessage().startsWith("cannot create trace directory " + blocker.resolve("traces") + ": "),
                e.getMessage());
    }

    @Test
    void aFanOutOfNothingIsTheEnginesNoObserverAndOfOneIsThatOne() {
        assertSame(SimulationObserver.NONE, FanOutObserver.of());
        assertSame(SimulationObserver.NONE, FanOutObserver.of(null, SimulationObserver.NONE));
        VcdWriter w = new VcdWriter(new ByteArrayOutputStream(), null);
        assertSame(w, FanOutObserver.of(SimulationObserver.NONE, w));
    }

    @Test
    void windowsParseFromStartColonEnd() {
        assertEquals(new CycleWindow(1000, 5000), CycleWindow.parse("1000:5000"));
        assertEquals(new CycleWindow(1000, Long.MAX_VALUE), CycleWindow.parse(" 1000 : "));
        assertEquals(new CycleWindow(0, 5000), CycleWindow.parse(":5000"));
        assertEquals(CycleWindow.ALL, CycleWindow.parse(":"));
        assertEquals("1000:", CycleWindow.parse("1000:").toString());
        assertEquals("0:5000", CycleWindow.parse(":5000").toString());
        assertBad("1000", "trace window '1000': expected START:END in cycles, e.g. 1000:5000 (either side may be "
                + "empty)", () -> CycleWindow.parse("1000"));
        assertBad("1:2:3", "trace window '1:2:3': expected START:END in cycles, e.g. 1000:5000 (either side may be "
                + "empty)", () -> CycleWindow.parse("1:2:3"));
        assertBad("5000:1000", "trace window '5000:1000': END (1000) must be above START (5000)",
                () -> CycleWindow.parse("5000:1000"));
        assertBad("-5:10", "trace window '-5:10': START must be a whole number of cycles >= 0, got '-5'",
                () -> CycleWindow.parse("-5:10"));
        assertBad("a:10", "trace window 'a:10': START must be a whole number of cycles >= 0, got 'a'",
                () -> CycleWindow.parse("a:10"));
        assertBad("10:1e3", "trace window '10:1e3': END must be a whole number of cycles >= 0, got '1e3'",
                () -> CycleWindow.parse("10:1e3"));
    }

    private static void assertBad(String what, String message, Executable call) {
        assertEquals(message, assertThrows(InvalidSimulationInputException.class, call).getMessage(), what);
    }

    @Test
    void formatsParseFromACommaSeparatedList() {
        assertEquals(EnumSet.of(TraceFormat.CHROME, TraceFormat.CSV), TraceFormat.parseList("csv, Chrome"));
        assertEquals(EnumSet.allOf(TraceFormat.class), TraceFormat.parseList("all"));
        assertBad("json", "trace format 'json': allowed are chrome, vcd, csv, all (comma-separated)",
                () -> TraceFormat.parseList("vcd,json"));
        assertBad("empty", "trace format '': allowed are chrome, vcd, csv, all (comma-separated)",
                () -> TraceFormat.parseList(""));
    }

    @Test
    void optionsRefuseWhatCannotNameAFile() {
        TraceOptions d = TraceOptions.defaults(Path.of("out"));
        assertEquals(Path.of("out", "trace.vcd"), d.path(TraceFormat.VCD));
        assertEquals(Path.of("out", "run.utilization.csv.gz"),
                d.withBaseName("run").withGzip(true).path(TraceFormat.CSV));
        assertBad("base", "trace base name 'a/b': must be a non-empty file name without directory separators",
                () -> d.withBaseName("a/b"));
        assertBad("blank", "trace base name ' ': must be a non-empty file name without directory separators",
                () -> d.withBaseName(" "));
        assertBad("formats", "trace formats: none given; allowed are chrome, vcd, csv, all",
                () -> d.withFormats(Set.of()));
        assertBad("csv window", "trace CSV window: must be >= 1 cycle, got 0", () -> d.withCsvWindowCycles(0));
        assertEquals(CycleWindow.ALL, d.withWindow(null).window());
    }
}
