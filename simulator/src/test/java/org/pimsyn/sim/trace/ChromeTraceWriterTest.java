package org.pimsyn.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.engine.SimulationEngine;

/** Chrome trace JSON parsed back with Jackson; times worked out by hand from {@link TraceDesigns}. */
class ChromeTraceWriterTest {
    /** name, thread, ts (ns), dur (ns) of every slice, in file order. */
    private static List<String> slices(ChromeTrace t) {
        List<String> rows = new ArrayList<>();
        for (JsonNode s : t.slices) {
            rows.add(s.get("name").asText() + " on " + t.thread(s) + " " + ChromeTrace.ns(s, "ts") + "+"
                    + ChromeTrace.ns(s, "dur"));
        }
        return rows;
    }

    @Test
    void aChainHasOneSlicePerIrOnItsResourceTimedInMicrosecondsAtTheClock() {
        TraceRun run = TraceRun.chrome(TraceDesigns.singleChain(), null);
        ChromeTrace t = ChromeTrace.parse(run.text());

        assertEquals("ns", t.root.get("displayTimeUnit").asText());
        assertEquals(List.of(
                "LOAD L0 b0 on m0.scratchpad 0+4",
                "MVM L0 b0 t0 on m0.crossbar.L0 4+12",
                "ADC L0 b0 t0 on m0.adc 16+32",
                "ALU shiftAdd L0 b0 t0 on m0.alu.shiftAdd 48+16",
                "STORE L0 b0 on m0.scratchpad 64+8"), slices(t));
        JsonNode mvm = t.slices.get(1);
        assertEquals(0.004, mvm.get("ts").asDouble(), "microseconds: cycle 4 at 1 GHz");
        assertEquals(0.012, mvm.get("dur").asDouble());
        assertEquals("MVM", mvm.get("cat").asText());
        assertEquals("{\"ir\":1,\"image\":0,\"kind\":\"MVM\",\"layer\":0,\"block\":0,\"bit\":0,\"xb_num\":4,"
                + "\"start_cycle\":4,\"end_cycle\":16}", mvm.get("args").toString());
        JsonNode alu = t.slices.get(3);
        assertEquals("shiftAdd", alu.get("args").get("aluop").asText());
        assertEquals(256, alu.get("args").get("vec_width").asInt());
        assertFalse(t.slices.get(0).get("args").has("bit"), "LOAD is not bit-specific");
        assertEquals("macro 0 (row 0, col 0)", t.processNames.get(mvm.get("pid").asInt()));
        assertTrue(t.counters.isEmpty(), "nothing ever waits in the chain");
    }

    @Test
    void poolUnitsAreThreadsAndEachIrTakesTheLowestFreeUnit() {
        ChromeTrace t = ChromeTrace.parse(TraceRun.chrome(TraceDesigns.poolOfTwoPorts(), null).text());

        assertEquals(List.of(
                "LOAD L0 b0 on m0.scratchpad[0] 0+4",
                "LOAD L0 b1 on m0.scratchpad[1] 0+8",
                "LOAD L0 b2 on m0.scratchpad[0] 4+2"), slices(t));
        t.assertNoOverlapPerThread("pool");
    }

    @Test
    void queueDepthIsACounterWithOneValuePerCycle() {
        // At 12 both ADCs are queued and the first is dispatched at once: only depth 1 holds; at 22 it drops to 0.
        ChromeTrace t = ChromeTrace.parse(TraceRun.chrome(TraceDesigns.sharedAdcBank(), null).text());

        assertEquals(2, t.counters.size());
        assertCounter(t.counters.get(0), "m0.adc", 12, 1);
        assertCounter(t.counters.get(1), "m0.adc", 22, 0);
    }

    private static void assertCounter(JsonNode c, String name, long ns, int depth) {
        assertEquals(name, c.get("name").asText());
        assertEquals(ns, ChromeTrace.ns(c, "ts"));
        assertEquals(depth, c.get("args").get("queue").asInt());
    }

    @Test
    void aWindowClipsSlicesCrossingItsEdgesAndDropsTheRest() {
        ChromeTrace t = ChromeTrace.parse(TraceRun.chrome(TraceDesigns.singleChain(), CycleWindow.parse("10:50"))
                .text());

        assertEquals(List.of(
                "MVM L0 b0 t0 on m0.crossbar.L0 10+6",
                "ADC L0 b0 t0 on m0.adc 16+32",
                "ALU shiftAdd L0 b0 t0 on m0.alu.shiftAdd 48+2"), slices(t));
        assertEquals(4, t.slices.get(0).get("args").get("start_cycle").asLong(), "args keep the whole execution");
        assertEquals("10:50", t.root.get("otherData").get("window").asText());
    }

    @Test
    void countersStartFromTheDepthHeldAtTheWindowStart() {
        ChromeTrace t = ChromeTrace.parse(TraceRun.chrome(TraceDesigns.sharedAdcBank(), CycleWindow.parse("15:30"))
                .text());

        assertEquals(2, t.counters.size());
        assertCounter(t.counters.get(0), "m0.adc", 15, 1);
        assertCounter(t.counters.get(1), "m0.adc", 22, 0);
        // The MVMs (0..12) end before the window; the ADCs (12..22, 22..32) are clipped to it.
        assertEquals(List.of("ADC L0 b0 t0 on m0.adc 15+7", "ADC L1 b0 t0 on m0.adc 22+8"), slices(t));
    }

    @Test
    void atAClockOfNoWholeNanosecondsEveryCycleEdgeIsRoundedToTheNanosecond() {
        TraceDesigns.Case c = TraceDesigns.twoMacrosWithTransfer();
        ChromeTrace t = ChromeTrace.parse(TraceRun.chrome(c, null).text());

        assertFalse(t.slices.isEmpty());
        for (JsonNode s : t.slices) {
            long start = s.get("args").get("start_cycle").asLong();
            long end = s.get("args").get("end_cycle").asLong();
            assertEquals(Math.round(start / 1.2), ChromeTrace.ns(s, "ts"), s.toString());
            assertEquals(Math.round(end / 1.2), ChromeTrace.ns(s, "ts") + ChromeTrace.ns(s, "dur"), s.toString());
        }
        t.assertNoOverlapPerThread("1.2 GHz");
        assertEquals("NoC", t.processNames.get(t.on("noc.r0c0>r0c1").get(0).get("pid").asInt()));
        JsonNode merge = t.on("noc.r0c0>r0c1").get(2); // after the TRANSFERs of both images
        assertEquals("MERGE L1 b0", merge.get("name").asText());
        assertEquals("[0,1]", merge.get("args").get("src_macros").toString());
    }

    @Test
    void aWriterRecordsOneRunOnly() {
        TraceDesigns.Case c = TraceDesigns.singleChain();
        ChromeTraceWriter w = new ChromeTraceWriter(new ByteArrayOutputStream(), null);
        SimulationEngine engine = new SimulationEngine();
        engine.run(c.accelerator(), TestDesigns.library(), c.program(), 1, w);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> engine.run(c.accelerator(), TestDesigns.library(), c.program(), 1, w));
        assertEquals("ChromeTraceWriter records one simulation; open a new writer per run", e.getMessage());
    }
}
