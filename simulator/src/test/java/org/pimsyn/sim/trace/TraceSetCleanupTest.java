package org.pimsyn.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.engine.SimulationEngine;

/** Temporary trace files do not outlive their run: a signal deletes them, and a killed run's go with the next run. */
class TraceSetCleanupTest {
    private static final long PATIENCE_MS = 30_000;

    @TempDir
    Path dir;

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theNextRunRemovesAKilledRunsTemporaryFilesButNotALiveRuns() throws IOException {
        Path killed = Files.writeString(dir.resolve(".trace.vcd.12345.tmp"), "a killed run's trace");
        Path other = Files.writeString(dir.resolve(".other.vcd.1.tmp"), "another base name");
        TraceOptions options = TraceOptions.defaults(dir).withFormats(java.util.EnumSet.of(TraceFormat.VCD));
        try (TraceSet live = TraceSet.open(options)) {
            List<String> during = files();
            assertTrue(!during.contains(killed.getFileName().toString()), during.toString());
            assertTrue(during.contains(other.getFileName().toString()), during.toString());
            try (TraceSet second = TraceSet.open(options)) {
                assertEquals(during.size() + 1, files().size(), "the live run's file stays: " + files());
                TraceDesigns.Case c = TraceDesigns.twoLayerChain();
                new SimulationEngine().run(c.accelerator(), TestDesigns.library(), c.program(), c.images(),
                        second.observer());
            }
        }
        assertEquals(List.of(".other.vcd.1.tmp", "trace.vcd"), files());
    }

    /** Runs in its own JVM: opens the traces of the directory in args[0], says so, and waits to be stopped. */
    public static final class Holder {
        public static void main(String[] args) throws InterruptedException {
            TraceSet traces = TraceSet.open(TraceOptions.defaults(Path.of(args[0])));
            System.out.println("open " + traces.outputs().size());
            System.out.flush();
            Thread.sleep(PATIENCE_MS);
        }
    }

    @Test
    void aRunStoppedByASignalDeletesItsTemporaryFiles() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Holder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            String line = new String(process.getInputStream().readNBytes("open 3".length()));
            assertEquals("open 3", line);
            assertEquals(3, files().size(), files().toString());
            // Process.destroy sends SIGTERM, which runs shutdown hooks as Ctrl-C's SIGINT does.
            process.destroy();
            if (!process.waitFor(PATIENCE_MS, TimeUnit.MILLISECONDS)) {
                fail("the process did not stop");
            }
        } finally {
            process.destroyForcibly();
        }
        assertEquals(List.of(), files());
    }
}
