package org.pimsyn.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.engine.SimulationEngine;

/**
 * The three formats of two tiny designs, compared byte for byte with the files committed under
 * {@code traces/golden/}. After an intended change of a format or of the engine's schedule, regenerate them with
 * {@code mvn -B test -pl simulator -Dpimsyn.regenerateGolden=true -Dtest=GoldenTracesTest} and review the diff.
 */
class GoldenTracesTest {
    private static final String REGENERATE_COMMAND =
            "mvn -B test -pl simulator -Dpimsyn.regenerateGolden=true -Dtest=GoldenTracesTest";
    private static final long CSV_WINDOW_CYCLES = 25;

    @TempDir
    Path scratch;

    @Test
    void twoLayerChainOnOneMacro() throws IOException {
        check("two-layer-chain", TraceDesigns.twoLayerChain());
    }

    @Test
    void twoMacrosWithATransferAMergeAndASharedAdcBank() throws IOException {
        check("two-macros-transfer", TraceDesigns.twoMacrosWithTransfer());
    }

    private void check(String name, TraceDesigns.Case c) throws IOException {
        TraceOptions options = TraceOptions.defaults(scratch).withBaseName(name)
                .withCsvWindowCycles(CSV_WINDOW_CYCLES);
        try (TraceSet traces = TraceSet.open(options)) {
            new SimulationEngine().run(c.accelerator(), TestDesigns.library(), c.program(), c.images(),
                    traces.observer());
        }
        Path golden = Path.of(System.getProperty("pimsyn.goldenDir", "../traces/golden"));
        for (TraceFormat format : TraceFormat.values()) {
            Path made = options.path(format);
            Path expected = golden.resolve(made.getFileName());
            byte[] actual = Files.readAllBytes(made);
            if (Boolean.getBoolean("pimsyn.regenerateGolden")) {
                Files.createDirectories(golden);
                Files.write(expected, actual);
                continue;
            }
            assertTrue(Files.exists(expected), "golden trace " + expected + " is missing; make it with "
                    + REGENERATE_COMMAND);
            byte[] committed = Files.readAllBytes(expected);
            if (!Arrays.equals(committed, actual)) {
                assertEquals(new String(committed, StandardCharsets.US_ASCII),
                        new String(actual, StandardCharsets.US_ASCII), expected + " differs from what the writers "
                                + "make now; if the change is intended, regenerate with " + REGENERATE_COMMAND);
                throw new AssertionError(expected + " differs in bytes that are not ASCII");
            }
        }
    }
}
