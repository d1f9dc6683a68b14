package org.pimsyn.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.ir.IrKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.ir.IrProgramBuilder;

/** Sample-and-hold back-pressure: an MVM waits while its crossbar set's slots hold unconverted results. */
class SampleHoldTest {
    /** One crossbar set and one ADC: an MVM takes 12 cycles, converting its 40 results 40. */
    private static final Accelerator DESIGN = TestDesigns.design(1, 1, 1)
            .macro(0, 0).serves(0).crossbars(0, 2).adcs(1).add().build();

    private static IrProgram fourMvmsEachConvertedByOneAdc() {
        IrProgramBuilder b = new IrProgramBuilder();
        for (int t = 0; t < 4; t++) {
            int mvm = b.addMvm(0, 0, t, 2, 0);
            int adc = b.addAdc(0, 0, t, 40, 0);
            b.addEdge(mvm, adc);
        }
        return b.build();
    }

    private static RecordingObserver run(int slots) {
        RecordingObserver obs = new RecordingObserver();
        new SimulationEngine().run(DESIGN, TestDesigns.library(), fourMvmsEachConvertedByOneAdc(),
                RunPlan.images(1).withSampleHoldSlots(slots), obs);
        return obs;
    }

    private static long[] starts(RecordingObserver obs, int kindOffset) {
        long[] s = new long[4];
        for (int t = 0; t < 4; t++) {
            s[t] = obs.startCycle[2 * t + kindOffset];
        }
        return s;
    }

    @Test
    void unboundedTheCrossbarsRunAheadOfTheAdc() {
        RecordingObserver obs = run(0);
        // MVMs back to back; the ADC converts one result set after another: 12..52, 52..92, 92..132, 132..172.
        assertEquals(java.util.List.of(0L, 12L, 24L, 36L), java.util.Arrays.stream(starts(obs, 0)).boxed().toList());
        assertEquals(java.util.List.of(12L, 52L, 92L, 132L), java.util.Arrays.stream(starts(obs, 1)).boxed().toList());
        assertEquals(172, obs.finishedCycles);
    }

    @Test
    void doubleBufferedTheThirdMvmWaitsForTheFirstConversion() {
        RecordingObserver obs = run(2);
        // m0 and m1 fill both slots; m2 starts when a0 gives one back at 52, m3 when a1 does at 92. The ADC stays
        // the bottleneck: the run still ends at 172.
        assertEquals(java.util.List.of(0L, 12L, 52L, 92L), java.util.Arrays.stream(starts(obs, 0)).boxed().toList());
        assertEquals(java.util.List.of(12L, 52L, 92L, 132L), java.util.Arrays.stream(starts(obs, 1)).boxed().toList());
        assertEquals(172, obs.finishedCycles);
    }

    @Test
    void slotWaitsAreCountedApartFromTheResources() {
        // Double-buffered: at 24 the crossbars are free, but m2 and m3 find both slots full and wait for one, m2
        // until 52 and m3 until 92: 28 + 68 = 96 cycles.
        Activity a = new SimulationEngine().run(DESIGN, TestDesigns.library(), fourMvmsEachConvertedByOneAdc(),
                RunPlan.images(1).withSampleHoldSlots(2), null);
        assertEquals(96, a.sampleHoldWaitCycles());
        Activity unbounded = new SimulationEngine().run(DESIGN, TestDesigns.library(), fourMvmsEachConvertedByOneAdc(),
                RunPlan.images(1).withSampleHoldSlots(0), null);
        assertEquals(0, unbounded.sampleHoldWaitCycles());
    }

    @Test
    void oneSlotSerializesComputeAndConversion() {
        RecordingObserver obs = run(1);
        // Each MVM waits for the conversion before it: m 0..12, a 12..52, m 52..64, a 64..104, ...
        assertEquals(java.util.List.of(0L, 52L, 104L, 156L), java.util.Arrays.stream(starts(obs, 0)).boxed().toList());
        assertEquals(java.util.List.of(12L, 64L, 116L, 168L), java.util.Arrays.stream(starts(obs, 1)).boxed().toList());
        assertEquals(208, obs.finishedCycles);
    }

    @Test
    void noCrossbarSetEverHoldsMoreResultsThanItsSlotsOnGeneratedDesigns() {
        SplittableRandom rnd = new SplittableRandom(4242);
        for (int c = 0; c < 200; c++) {
            Accelerator acc = RandomCases.design(rnd);
            IrProgram p = RandomCases.program(rnd, acc, 40);
            int slots = 1 + rnd.nextInt(2);
            RecordingObserver obs = new RecordingObserver();
            Activity a = new SimulationEngine().run(acc, TestDesigns.library(), p,
                    RunPlan.images(1 + rnd.nextInt(3)).withSampleHoldSlots(slots), obs);
            int n = p.size();
            // Per MVM with exactly one ADC successor that has no other predecessor: [MVM start, ADC end).
            for (int img = 0; img < a.images(); img++) {
                for (int i = 0; i < n; i++) {
                    if (p.kind(i) != IrKind.MVM) {
                        continue;
                    }
                    int adc = soleAdc(p, i);
                    if (adc < 0) {
                        continue;
                    }
                    long from = obs.startCycle[img * n + i];
                    int held = 0;
                    for (int jImg = 0; jImg < a.images(); jImg++) {
                        for (int j = 0; j < n; j++) {
                            int jAdc = p.kind(j) == IrKind.MVM && p.macro(j) == p.macro(i) && p.layer(j) == p.layer(i)
                                    ? soleAdc(p, j) : -1;
                            if (jAdc >= 0 && obs.startCycle[jImg * n + j] <= from
                                    && obs.endCycle[jImg * n + jAdc] > from) {
                                held++;
                            }
                        }
                    }
                    assertTrue(held <= slots, "case " + c + ": " + held + " results held at cycle " + from
                            + " with " + slots + " slots");
                }
            }
        }
    }

    private static int soleAdc(IrProgram p, int mvm) {
        int adc = -1;
        int adcs = 0;
        for (int k = p.successorStart(mvm); k < p.successorStart(mvm + 1); k++) {
            int s = p.successorAt(k);
            if (p.kind(s) == IrKind.ADC) {
                adc = s;
                adcs++;
            }
        }
        if (adcs != 1) {
            return -1;
        }
        int preds = 0;
        for (int j = 0; j < p.size(); j++) {
            for (int k = p.successorStart(j); k < p.successorStart(j + 1); k++) {
                preds += p.successorAt(k) == adc ? 1 : 0;
            }
        }
        return preds == 1 ? adc : -1;
    }
}
