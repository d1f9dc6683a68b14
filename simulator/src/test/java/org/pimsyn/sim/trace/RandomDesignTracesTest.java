package org.pimsyn.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.engine.Activity;
import org.pimsyn.sim.engine.RandomCases;
import org.pimsyn.sim.engine.ResourceTable;
import org.pimsyn.sim.engine.SimulationEngine;
import org.pimsyn.sim.engine.SimulationObserver;
import org.pimsyn.sim.ir.IrProgram;

/**
 * All three writers on a few hundred seeded random designs and DAGs, over the whole run and over a random
 * window: their busy totals agree with the engine's and with the executions the engine announced.
 */
class RandomDesignTracesTest {
    private static final int CASES = 300;

    /** Every execution's start, end and held resources, as announced. */
    private static final class Executions implements SimulationObserver {
        final List<long[]> intervals = new ArrayList<>(); // start, end, resource
        final Map<String, List<Integer>> heldBy = new HashMap<>(); // "image:ir" -> resources

        @Override
        public void irStarted(long cycle, long end, int image, int ir, int[] held, int offset, int count) {
            List<Integer> list = new ArrayList<>();
            for (int k = offset; k < offset + count; k++) {
                intervals.add(new long[] {cycle, end, held[k]});
                list.add(held[k]);
            }
            heldBy.put(image + ":" + ir, list);
        }

        long busyWithin(int resource, long from, long to) {
            long sum = 0;
            for (long[] iv : intervals) {
                if (iv[2] == resource) {
                    sum += Math.max(0, Math.min(iv[1], to) - Math.max(iv[0], from));
                }
            }
            return sum;
        }
    }

    @Test
    void csvAndVcdTotalsAgreeWithTheEngineAndChromeSlicesMatchTheExecutions() {
        SplittableRandom rnd = new SplittableRandom(20240611);
        for (int c = 0; c < CASES; c++) {
            Accelerator acc = RandomCases.design(rnd);
            IrProgram p = RandomCases.program(rnd, acc, 40);
            int images = 1 + rnd.nextInt(3);
            long csvWindow = 1 + rnd.nextInt(200);
            ByteArrayOutputStream chrome = new ByteArrayOutputStream();
            ByteArrayOutputStream vcd = new ByteArrayOutputStream();
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            Executions executions = new Executions();
            Activity a = new SimulationEngine().run(acc, TestDesigns.library(), p, images, FanOutObserver.of(
                    new ChromeTraceWriter(chrome, null), new VcdWriter(vcd, null),
                    new UtilizationCsvWriter(csv, null, csvWindow), executions));
            String where = "case " + c + " (" + p.size() + " IRs, " + images + " images)";
            ResourceTable table = a.resources();
            long[] engineBusy = new long[table.size()];
            for (int r = 0; r < engineBusy.length; r++) {
                engineBusy[r] = a.busyCycles(r);
                assertEquals(engineBusy[r], executions.busyWithin(r, 0, Long.MAX_VALUE), where);
            }
            checkTotals(where, table, text(csv), text(vcd), engineBusy, 0, a.cycles(), csvWindow);
            checkSlices(where, ChromeTrace.parse(text(chrome)), executions, table);

            long start = a.cycles() == 0 ? 0 : rnd.nextLong(a.cycles());
            long end = start + 1 + rnd.nextLong(a.cycles() + 5);
            CycleWindow window = new CycleWindow(start, end);
            chrome.reset();
            vcd.reset();
            csv.reset();
            new SimulationEngine().run(acc, TestDesigns.library(), p, images, FanOutObserver.of(
                    new ChromeTraceWriter(chrome, window), new VcdWriter(vcd, window),
                    new UtilizationCsvWriter(csv, window, csvWindow)));
            long[] clipped = new long[table.size()];
            for (int r = 0; r < clipped.length; r++) {
                clipped[r] = executions.busyWithin(r, start, end);
            }
            where += " window " + window;
            checkTotals(where, table, text(csv), text(vcd), clipped, start, Math.min(end, a.cycles()), csvWindow);
            ChromeTrace t = ChromeTrace.parse(text(chrome));
            t.assertNoOverlapPerThread(where);
            long[] sliced = new long[table.size()];
            for (JsonNode s : t.slices) {
                sliced[resource(table, t.thread(s))] += ChromeTrace.ns(s, "dur");
            }
            assertEquals(Arrays.toString(clipped), Arrays.toString(sliced),
                    where + ": clipped slice time per resource (1 ns per cycle)");
        }
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    /** The resource a CSV row or a Chrome thread (a pool's unit {@code m0.scratchpad[1]}) names. */
    private static int resource(ResourceTable table, String name) {
        int bracket = name.indexOf('[');
        String resource = bracket < 0 ? name : name.substring(0, bracket);
        Integer id = ids(table).get(resource);
        if (id == null) {
            throw new AssertionError("no resource " + name);
        }
        return id;
    }

    private static Map<String, Integer> ids(ResourceTable table) {
        if (idsOf != table) {
            idsByName.clear();
            for (int r = 0; r < table.size(); r++) {
                idsByName.put(table.name(r), r);
            }
            idsOf = table;
        }
        return idsByName;
    }

    private static final Map<String, Integer> idsByName = new HashMap<>();
    private static ResourceTable idsOf;

    /** CSV busy per resource sums to the expected; VCD busy integrates to it; windows tile [from, to). */
    private static void checkTotals(String where, ResourceTable table, String csv, String vcd, long[] expected,
            long from, long to, long csvWindow) {
        long[] csvBusy = new long[expected.length];
        long covered = 0;
        String[] lines = csv.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            int r = resource(table, f[2]);
            csvBusy[r] += Long.parseLong(f[5]);
            long length = Long.parseLong(f[1]) - Long.parseLong(f[0]);
            if (r == 0) {
                covered += length;
            }
            assertTrue(length <= csvWindow && length > 0, where + ": window length " + length);
        }
        assertEquals(Arrays.toString(expected), Arrays.toString(csvBusy), where + ": CSV busy");
        assertEquals(Math.max(0, to - from), covered, where + ": CSV windows cover the traced cycles");

        VcdFile v = VcdFile.parse(vcd);
        assertEquals(from, (long) v.times.get(0), where + ": VCD starts at the window");
        long[] vcdBusy = new long[expected.length];
        for (int r = 0; r < expected.length; r++) {
            vcdBusy[r] = v.integral(VcdFile.path(table.name(r), "busy"));
        }
        assertEquals(Arrays.toString(expected), Arrays.toString(vcdBusy), where + ": VCD busy");
    }

    /** Exactly one slice per (execution, held resource), on a thread of that resource. */
    private static void checkSlices(String where, ChromeTrace t, Executions executions, ResourceTable table) {
        t.assertNoOverlapPerThread(where);
        Map<String, List<Integer>> sliced = new HashMap<>();
        for (JsonNode s : t.slices) {
            String key = s.get("args").get("image").asInt() + ":" + s.get("args").get("ir").asInt();
            sliced.computeIfAbsent(key, k -> new ArrayList<>()).add(resource(table, t.thread(s)));
        }
        Map<String, List<Integer>> expected = new HashMap<>();
        executions.heldBy.forEach((k, v) -> {
            if (!v.isEmpty()) {
                expected.put(k, v);
            }
        });
        assertEquals(expected, sliced, where);
    }
}
