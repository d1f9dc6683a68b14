package org.pimsyn.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.ir.IrProgramBuilder;
import org.pimsyn.sim.timing.TimingRules;

/** Properties that must hold on every schedule, checked on a few hundred seeded random designs and DAGs. */
class EngineInvariantsTest {
    private static final int CASES = 300;

    @Test
    void everyScheduleRespectsDependenciesCapacitiesAndNeverIdlesAWaitingIr() {
        SplittableRandom rnd = new SplittableRandom(20240325);
        for (int c = 0; c < CASES; c++) {
            Accelerator acc = RandomCases.design(rnd);
            IrProgram p = RandomCases.program(rnd, acc, 40);
            // Up to 8 images: beyond the admission window, images arrive as the one a window before ends.
            int images = 1 + rnd.nextInt(8);
            RecordingObserver obs = new RecordingObserver();
            Activity a = new SimulationEngine().run(acc, TestDesigns.library(), p, images, obs);
            String where = "case " + c + " (" + p.size() + " IRs, " + images + " images)";
            checkSchedule(where, p, images, obs, a,
                    new RegisterOracle(acc, TestDesigns.library(), p, RunPlan.images(images)).registerFree(images, obs),
                    RunPlan.DEFAULT_SAMPLE_HOLD_SLOTS);

            RecordingObserver again = new RecordingObserver();
            new SimulationEngine().run(acc, TestDesigns.library(), p, images, again);
            assertEquals(obs.order, again.order, where + ": same inputs, same schedule");
        }
    }

    /**
     * Image k's arrival, which its sources wait for: cycle 0 in the first window of W = ceil(latency alone / bound)
     * + 1 images (at most all of them), else the end of image k - W. For runs of a fixed number of images, which
     * {@link Activity#images()} then is.
     */
    static long arrival(Activity a, RecordingObserver obs, int n, int img) {
        long window = Math.min(a.images(), TimingRules.ceilDiv(a.latencyAloneCycles(), a.bottleneckCycles()) + 1);
        if (img < window) {
            return 0;
        }
        long end = 0;
        for (int i = 0; i < n; i++) {
            end = Math.max(end, obs.end(img - (int) window, i));
        }
        return end;
    }

    /**
     * @param registerFree per execution, when the register it waited for was given back (its input or output register
     *                     counts as one more predecessor)
     * @param holdSlots    sample-and-hold slots per crossbar set (0: no limit)
     */
    static void checkSchedule(String where, IrProgram p, int images, RecordingObserver obs, Activity a,
            long[] registerFree, int holdSlots) {
        int n = p.size();
        List<IntArrayList> preds = predecessors(p);
        ResourceTable table = obs.start.resources();
        int resources = table.size();
        List<List<long[]>> intervals = new ArrayList<>();
        for (int r = 0; r < resources; r++) {
            intervals.add(new ArrayList<>());
        }
        long makespan = 0;
        long totalWait = 0;
        for (int img = 0; img < images; img++) {
            for (int i = 0; i < n; i++) {
                int e = img * n + i;
                assertEquals(1, obs.startCount[e], where + ": execution " + img + ":" + i + " starts once");
                long start = obs.startCycle[e];
                long end = obs.endCycle[e];
                assertTrue(end > start, where + ": " + img + ":" + i + " ends after it starts");
                makespan = Math.max(makespan, end);
                long ready = 0;
                for (int q : preds.get(i)) {
                    ready = Math.max(ready, obs.end(img, q));
                }
                if (img > 0) {
                    ready = Math.max(ready, obs.end(img - 1, i));
                    if (preds.get(i).isEmpty()) {
                        ready = Math.max(ready, arrival(a, obs, n, img));
                    }
                }
                assertTrue(start >= registerFree[e], where + ": " + img + ":" + i + " starts at " + start
                        + " before its register is given back at " + registerFree[e]);
                ready = Math.max(ready, registerFree[e]);
                assertTrue(start >= ready, where + ": " + img + ":" + i + " starts at " + start
                        + " before its predecessors end at " + ready);
                totalWait += start - ready;
                for (int r : obs.held[e]) {
                    intervals.get(r).add(new long[] {start, end});
                }
            }
        }
        assertEquals(makespan, a.cycles(), where + ": makespan");
        assertEquals(makespan, obs.finishedCycles, where + ": finished callback");

        long sumWait = 0;
        for (int r = 0; r < resources; r++) {
            long busy = 0;
            for (long[] iv : intervals.get(r)) {
                busy += iv[1] - iv[0];
                // Occupancy only rises when an IR starts, so checking at every start covers every cycle.
                int inUse = occupancy(intervals.get(r), iv[0]);
                assertTrue(inUse <= table.capacity(r), where + ": " + table.name(r) + " holds " + inUse
                        + " IRs at cycle " + iv[0] + ", capacity " + table.capacity(r));
            }
            assertEquals(busy, a.busyCycles(r), where + ": busy cycles of " + table.name(r));
            sumWait += a.waitCycles(r);
        }
        // A register wait runs from when nothing else held the IR back to when the register was given back.
        long registerWait = 0;
        for (int e = 0; e < registerFree.length; e++) {
            if (registerFree[e] > 0) {
                int img = e / n;
                int i = e % n;
                long others = img > 0 ? obs.end(img - 1, i) : 0;
                for (int q : preds.get(i)) {
                    others = Math.max(others, obs.end(img, q));
                }
                if (img > 0 && preds.get(i).isEmpty()) {
                    others = Math.max(others, arrival(a, obs, n, img));
                }
                registerWait += Math.max(0, registerFree[e] - others);
            }
        }
        assertEquals(registerWait, a.inputRegisterWaitCycles() + a.outputRegisterWaitCycles(),
                where + ": register waits");
        // Past its register, an IR waits in one queue at a time: a resource's or a sample-and-hold slot's.
        assertEquals(totalWait, sumWait + a.sampleHoldWaitCycles(),
                where + ": waiting is charged to exactly one resource or slot at a time");

        // Work conservation: while an IR waits, at least one resource it needs is full, or, for an MVM whose results
        // one ADC IR converts, every sample-and-hold slot of its crossbar set.
        int[] soleAdc = new int[n];
        for (int i = 0; i < n; i++) {
            soleAdc[i] = holdSlots > 0 && p.kind(i) == IrKind.MVM ? soleAdc(p, preds, i) : -1;
        }
        for (int img = 0; img < images; img++) {
            for (int i = 0; i < n; i++) {
                int e = img * n + i;
                long ready = 0;
                for (int q : preds.get(i)) {
                    ready = Math.max(ready, obs.end(img, q));
                }
                if (img > 0) {
                    ready = Math.max(ready, obs.end(img - 1, i));
                    if (preds.get(i).isEmpty()) {
                        ready = Math.max(ready, arrival(a, obs, n, img));
                    }
                }
                ready = Math.max(ready, registerFree[e]);
                long start = obs.startCycle[e];
                if (start == ready) {
                    continue;
                }
                List<Long> points = new ArrayList<>(List.of(ready));
                for (int r : obs.held[e]) {
                    for (long[] iv : intervals.get(r)) {
                        for (long t : iv) {
                            if (t > ready && t < start) {
                                points.add(t);
                            }
                        }
                    }
                }
                List<long[]> holding = new ArrayList<>();
                if (soleAdc[i] >= 0) {
                    // Results of the same crossbar set held from an MVM's start to its ADC IR's end.
                    for (int jImg = 0; jImg < images; jImg++) {
                        for (int j = 0; j < n; j++) {
                            if (soleAdc[j] >= 0 && obs.held[jImg * n + j][0] == obs.held[e][0]) {
                                long[] iv = {obs.start(jImg, j), obs.end(jImg, soleAdc[j])};
                                holding.add(iv);
                                if (iv[1] > ready && iv[1] < start) {
                                    points.add(iv[1]);
                                }
                            }
                        }
                    }
                }
                for (long t : points) {
                    boolean someFull = soleAdc[i] >= 0 && occupancy(holding, t) >= holdSlots;
                    for (int r : obs.held[e]) {
                        someFull |= occupancy(intervals.get(r), t) >= table.capacity(r);
                    }
                    if (!someFull) {
                        fail(where + ": " + img + ":" + p.describe(i) + " waited at cycle " + t
                                + " although all its resources were free");
                    }
                }
            }
        }

        for (int img = 0; img < images; img++) {
            long end = 0;
            for (int i = 0; i < n; i++) {
                end = Math.max(end, obs.end(img, i));
            }
            assertEquals(end, a.imageEndCycle(img), where + ": end of image " + img);
        }
        for (int img = 0; img < images; img++) {
            for (int l = 0; l < a.layerCount(); l++) {
                long first = -1;
                long last = -1;
                for (int i = 0; i < n; i++) {
                    if (p.layer(i) == l) {
                        first = first < 0 ? obs.start(img, i) : Math.min(first, obs.start(img, i));
                        last = Math.max(last, obs.end(img, i));
                    }
                }
                assertEquals(first, a.layerFirstStart(img, l), where + ": first start of layer " + l + ", image "
                        + img);
                assertEquals(last, a.layerLastEnd(img, l), where + ": last end of layer " + l + ", image " + img);
            }
            if (img == 0) {
                for (int l = 0; l < a.layerCount(); l++) {
                    assertEquals(a.layerFirstStart(0, l), a.layerFirstStart(l), where + ": layer " + l);
                    assertEquals(a.layerLastEnd(0, l), a.layerLastEnd(l), where + ": layer " + l);
                }
            }
        }
    }

    /** The one ADC successor of an MVM where it is that ADC IR's only predecessor, else -1. */
    private static int soleAdc(IrProgram p, List<IntArrayList> preds, int mvm) {
        int adc = -1;
        int adcs = 0;
        for (int s : p.successors(mvm)) {
            if (p.kind(s) == IrKind.ADC) {
                adc = s;
                adcs++;
            }
        }
        return adcs == 1 && preds.get(adc).size() == 1 ? adc : -1;
    }

    /** IRs holding the resource at cycle t (an IR ending at t no longer holds it). */
    private static int occupancy(List<long[]> intervals, long t) {
        int count = 0;
        for (long[] iv : intervals) {
            if (iv[0] <= t && t < iv[1]) {
                count++;
            }
        }
        return count;
    }

    private static List<IntArrayList> predecessors(IrProgram p) {
        List<IntArrayList> preds = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            preds.add(new IntArrayList());
        }
        for (int i = 0; i < p.size(); i++) {
            for (int s : p.successors(i)) {
                preds.get(s).add(i);
            }
        }
        return preds;
    }

    private static final int[] ALU_CYCLES = {4, 10, 20, 4, 10, 4}; // TestDesigns, in AluKind order

    @Test
    void withAResourceOfItsOwnForEveryIrTheMakespanIsTheCriticalPath() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int c = 0; c < CASES; c++) {
            int n = 1 + rnd.nextInt(25);
            TestDesigns.DesignBuilder design = TestDesigns.design(5, 5, 1);
            int[] adcs = new int[n];
            int[][] aluLanes = new int[n][AluKind.COUNT];
            for (int m = 0; m < n; m++) {
                adcs[m] = 1 + rnd.nextInt(4);
                TestDesigns.MacroBuilder macro = design.macro(m / 5, m % 5).serves(0).crossbars(0, 4).adcs(adcs[m]);
                for (AluKind k : AluKind.values()) {
                    int units = 1 + rnd.nextInt(2);
                    int width = 8 << rnd.nextInt(3);
                    aluLanes[m][k.ordinal()] = units * width;
                    macro.alu(k, units, width);
                }
                macro.add();
            }
            Accelerator acc = design.build();
            IrProgramBuilder b = new IrProgramBuilder();
            long[] duration = new long[n];
            for (int i = 0; i < n; i++) {
                int w = 1 + rnd.nextInt(500);
                switch (rnd.nextInt(5)) {
                    case 0 -> {
                        b.addMvm(0, i, 0, 1 + rnd.nextInt(4), i);
                        duration[i] = 12;
                    }
                    case 1 -> {
                        b.addAdc(0, i, 0, w, i);
                        duration[i] = ceil(w, adcs[i]);
                    }
                    case 2 -> {
                        AluKind k = AluKind.ofCode(rnd.nextInt(AluKind.COUNT));
                        b.addAlu(k, 0, i, IrProgram.NO_BIT, w, i);
                        duration[i] = ceil(w, aluLanes[i][k.ordinal()]) * ALU_CYCLES[k.ordinal()];
                    }
                    case 3 -> {
                        b.addLoad(0, i, w, i);
                        duration[i] = ceil(w * 16L, 256);
                    }
                    default -> {
                        b.addStore(0, i, w, i);
                        duration[i] = ceil(w * 16L, 256) * 2;
                    }
                }
            }
            double density = rnd.nextDouble() * 0.4;
            long[] earliestEnd = new long[n];
            long[] earliestStart = new long[n];
            List<IntArrayList> preds = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                preds.add(new IntArrayList());
                for (int i = 0; i < j; i++) {
                    if (rnd.nextDouble() < density) {
                        b.addEdge(i, j);
                        preds.get(j).add(i);
                    }
                }
            }
            long criticalPath = 0;
            for (int j = 0; j < n; j++) {
                for (int i : preds.get(j)) {
                    earliestStart[j] = Math.max(earliestStart[j], earliestEnd[i]);
                }
                earliestEnd[j] = earliestStart[j] + duration[j];
                criticalPath = Math.max(criticalPath, earliestEnd[j]);
            }
            RecordingObserver obs = new RecordingObserver();
            Activity a = new SimulationEngine().run(acc, TestDesigns.library(), b.build(), 1, obs);
            assertEquals(criticalPath, a.cycles(), "case " + c);
            for (int j = 0; j < n; j++) {
                assertEquals(earliestStart[j], obs.start(j), "case " + c + ": IR " + j + " starts as soon as ready");
                assertEquals(earliestEnd[j], obs.end(j), "case " + c + ": IR " + j + " duration");
            }
        }
    }

    @Test
    void whenEverythingSharesOneServerTheMakespanIsTheSumOfDurations() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int c = 0; c < CASES; c++) {
            int adcCount = 1 + rnd.nextInt(8);
            Accelerator acc = TestDesigns.design(1, 1, 3).macro(0, 0).serves(0, 1, 2).adcs(adcCount).add().build();
            boolean adcs = rnd.nextBoolean();
            IrProgramBuilder b = new IrProgramBuilder();
            int n = 1 + rnd.nextInt(40);
            long sum = 0;
            for (int i = 0; i < n; i++) {
                int w = 1 + rnd.nextInt(200);
                int layer = rnd.nextInt(3);
                if (adcs) {
                    b.addAdc(layer, rnd.nextInt(5), rnd.nextInt(4), w, 0);
                    sum += ceil(w, adcCount);
                } else if (rnd.nextBoolean()) {
                    b.addLoad(layer, rnd.nextInt(5), w, 0);
                    sum += ceil(w * 16L, 256);
                } else {
                    b.addStore(layer, rnd.nextInt(5), w, 0);
                    sum += ceil(w * 16L, 256) * 2;
                }
            }
            double density = rnd.nextDouble() * 0.3;
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < j; i++) {
                    if (rnd.nextDouble() < density) {
                        b.addEdge(i, j);
                    }
                }
            }
            int images = 1 + rnd.nextInt(3);
            IrProgram p = b.build();
            Activity a = new SimulationEngine().run(acc, TestDesigns.library(), p, images, null);
            assertEquals(sum * images, a.cycles(), "case " + c + " (" + (adcs ? "ADC bank" : "scratchpad port") + ")");
            int server = adcs ? 0 : 1;
            assertEquals(sum * images, a.busyCycles(server), "case " + c);
            assertEquals(1.0, a.utilization(server), 1e-12, "case " + c);
        }
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }
}
