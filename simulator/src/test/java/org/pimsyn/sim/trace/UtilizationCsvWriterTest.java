package org.pimsyn.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Utilization rows of hand-worked runs from {@link TraceDesigns}. */
class UtilizationCsvWriterTest {
    /** The rows of one resource, without the header. */
    private static List<String> rowsOf(String csv, String resource) {
        List<String> rows = new ArrayList<>();
        for (String line : csv.split("\n")) {
            if (line.split(",")[2].equals(resource)) {
                rows.add(line);
            }
        }
        return rows;
    }

    @Test
    void aChainSplitsEachResourcesBusyCyclesOverTheWindowsAndEndsWithAPartialOne() {
        // LOAD 0..4 and STORE 64..72 on the scratchpad, MVM 4..16, ADC 16..48, ALU 48..64; makespan 72.
        String csv = TraceRun.csv(TraceDesigns.singleChain(), null, 10).text();

        String[] lines = csv.split("\n");
        assertEquals(UtilizationCsvWriter.HEADER, lines[0]);
        assertEquals(1 + 8 * 4, lines.length, "8 windows (the last 70..72) x 4 resources");
        assertEquals(List.of(
                "0,10,m0.crossbar.L0,CROSSBARS,0,6,0.600000,0",
                "10,20,m0.crossbar.L0,CROSSBARS,0,6,0.600000,0",
                "20,30,m0.crossbar.L0,CROSSBARS,0,0,0.000000,0",
                "30,40,m0.crossbar.L0,CROSSBARS,0,0,0.000000,0",
                "40,50,m0.crossbar.L0,CROSSBARS,0,0,0.000000,0",
                "50,60,m0.crossbar.L0,CROSSBARS,0,0,0.000000,0",
                "60,70,m0.crossbar.L0,CROSSBARS,0,0,0.000000,0",
                "70,72,m0.crossbar.L0,CROSSBARS,0,0,0.000000,0"), rowsOf(csv, "m0.crossbar.L0"));
        assertEquals(List.of(
                "0,10,m0.adc,ADC_BANK,0,0,0.000000,0",
                "10,20,m0.adc,ADC_BANK,0,4,0.400000,0",
                "20,30,m0.adc,ADC_BANK,0,10,1.000000,0",
                "30,40,m0.adc,ADC_BANK,0,10,1.000000,0",
                "40,50,m0.adc,ADC_BANK,0,8,0.800000,0",
                "50,60,m0.adc,ADC_BANK,0,0,0.000000,0",
                "60,70,m0.adc,ADC_BANK,0,0,0.000000,0",
                "70,72,m0.adc,ADC_BANK,0,0,0.000000,0"), rowsOf(csv, "m0.adc"));
        assertEquals(List.of(
                "0,10,m0.scratchpad,SCRATCHPAD,0,4,0.400000,0",
                "10,20,m0.scratchpad,SCRATCHPAD,0,0,0.000000,0",
                "20,30,m0.scratchpad,SCRATCHPAD,0,0,0.000000,0",
                "30,40,m0.scratchpad,SCRATCHPAD,0,0,0.000000,0",
                "40,50,m0.scratchpad,SCRATCHPAD,0,0,0.000000,0",
                "50,60,m0.scratchpad,SCRATCHPAD,0,0,0.000000,0",
                "60,70,m0.scratchpad,SCRATCHPAD,0,6,0.600000,0",
                "70,72,m0.scratchpad,SCRATCHPAD,0,2,1.000000,0"), rowsOf(csv, "m0.scratchpad"));
    }

    @Test
    void aPoolsUtilizationIsOverAllItsUnits() {
        // Two ports: 2 units busy 0..6 and 1 unit 6..8; the third LOAD waits 0..4.
        String csv = TraceRun.csv(TraceDesigns.poolOfTwoPorts(), null, 5).text();

        assertEquals(List.of(
                "0,5,m0.scratchpad,SCRATCHPAD,0,10,1.000000,1",
                "5,8,m0.scratchpad,SCRATCHPAD,0,4,0.666667,0"), rowsOf(csv, "m0.scratchpad"));
    }

    @Test
    void maxQueueCountsOnlyDepthsHeldForAWholeCycle() {
        // The second ADC waits 12..22. At 12 the queue holds two for no time at all; at 22 it drops to 0, which
        // is the depth of the window starting at 22.
        String csv = TraceRun.csv(TraceDesigns.sharedAdcBank(), null, 11).text();

        assertEquals(List.of(
                "0,11,m0.adc,ADC_BANK,0,0,0.000000,0",
                "11,22,m0.adc,ADC_BANK,0,10,0.909091,1",
                "22,32,m0.adc,ADC_BANK,0,10,1.000000,0"), rowsOf(csv, "m0.adc"));
    }

    @Test
    void aWindowAnchorsTheGridAtItsStartAndClipsTheLastRowAtItsEnd() {
        String csv = TraceRun.csv(TraceDesigns.singleChain(), CycleWindow.parse("15:40"), 10).text();

        assertEquals(List.of(
                "15,25,m0.crossbar.L0,CROSSBARS,0,1,0.100000,0",
                "25,35,m0.crossbar.L0,CROSSBARS,0,0,0.000000,0",
                "35,40,m0.crossbar.L0,CROSSBARS,0,0,0.000000,0"), rowsOf(csv, "m0.crossbar.L0"));
        assertEquals(List.of(
                "15,25,m0.adc,ADC_BANK,0,9,0.900000,0",
                "25,35,m0.adc,ADC_BANK,0,10,1.000000,0",
                "35,40,m0.adc,ADC_BANK,0,5,1.000000,0"), rowsOf(csv, "m0.adc"));
        assertEquals(1 + 3 * 4, csv.split("\n").length);
    }

    @Test
    void aWindowBeyondTheRunWritesTheHeaderOnly() {
        String csv = TraceRun.csv(TraceDesigns.singleChain(), CycleWindow.parse("72:"), 10).text();

        assertEquals(UtilizationCsvWriter.HEADER + "\n", csv);
    }

    @Test
    void oneWindowOverTheWholeRunGivesTheEngineFigures() {
        TraceRun run = TraceRun.csv(TraceDesigns.twoLayerChain(), null, Long.MAX_VALUE);

        String[] lines = run.text().split("\n");
        long[] busy = new long[lines.length - 1];
        for (int r = 0; r < busy.length; r++) {
            String[] f = lines[r + 1].split(",");
            assertEquals("0", f[0]);
            assertEquals(Long.toString(run.activity().cycles()), f[1]);
            assertEquals(run.activity().resources().name(r), f[2]);
            busy[r] = Long.parseLong(f[5]);
            assertEquals(run.activity().utilization(r), Double.parseDouble(f[6]), 1e-6);
        }
        long[] expected = new long[busy.length];
        Arrays.setAll(expected, r -> run.activity().busyCycles(r));
        assertEquals(Arrays.toString(expected), Arrays.toString(busy));
    }

    @Test
    void aWindowLengthBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new UtilizationCsvWriter(new ByteArrayOutputStream(), null, 0));
        assertEquals("windowCycles must be >= 1, got 0", e.getMessage());
    }
}
