package org.pimsyn.sim.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.ir.IrProgramBuilder;

/** Small programs whose every cycle is worked out by hand (latencies in {@link TestDesigns}). */
class SimulationEngineTest {
    private final SimulationEngine engine = new SimulationEngine();

    private Activity run(Accelerator acc, IrProgram p, RecordingObserver obs) {
        return engine.run(acc, TestDesigns.library(), p, 1, obs);
    }

    @Test
    void aSingleChainRunsBackToBack() {
        // LOAD 4 cycles, MVM 12, ADC 32, shift-add 16, STORE 8 (worked out in TestDesigns.singleChainProgram).
        RecordingObserver obs = new RecordingObserver();
        Activity a = run(TestDesigns.singleChainDesign(), TestDesigns.singleChainProgram(), obs);

        assertEquals(72, a.cycles());
        assertArrayEquals(new long[] {0, 4, 16, 48, 64}, obs.startCycle);
        assertArrayEquals(new long[] {4, 16, 48, 64, 72}, obs.endCycle);
        assertEquals(72, obs.finishedCycles);
        assertEquals(0, a.layerFirstStart(0));
        assertEquals(72, a.layerLastEnd(0));
        assertEquals(72, a.firstImageLatencyCycles());
        ResourceTable r = a.resources();
        assertEquals("m0.crossbar.L0", r.name(0));
        assertEquals("m0.adc", r.name(1));
        assertEquals("m0.alu.shiftAdd", r.name(2));
        assertEquals("m0.scratchpad", r.name(3));
        assertEquals(4, r.size());
        assertArrayEquals(new long[] {12, 32, 16, 12}, new long[] {a.busyCycles(0), a.busyCycles(1),
                a.busyCycles(2), a.busyCycles(3)});
        for (int i = 0; i < 4; i++) {
            assertEquals(0, a.waitCycles(i));
        }
        assertEquals(32, a.bottleneckCycles());
        assertEquals(32, a.intervalCycles());
        // Counted actions: 4 crossbars read, 4 x 128 rows of DAC input, 256 conversions, 8 unit ops.
        assertEquals(4, a.actions().of("crossbar", "read", 0));
        assertEquals(512, a.actions().of("dac", "convert", 0));
        assertEquals(256, a.actions().of("adc", "convert", 0));
        assertEquals(8, a.actions().of("alu.shiftAdd", "operate", 0));
        assertEquals(4, a.actions().of("scratchpad", "read", 0));
        assertEquals(4, a.actions().of("scratchpad", "write", 0));
        // STORE adds 1024 bits; the LOAD (of input never stored here) takes nothing below zero.
        assertEquals(1024, a.scratchpadHighWaterBits(0));
    }

    private static Accelerator sharedAdcDesign() {
        return TestDesigns.design(1, 1, 2)
                .macro(0, 0).serves(0, 1).crossbars(0, 2).crossbars(1, 2).adcs(4).add().build();
    }

    @Test
    void twoLayersSharingAnAdcBankTakeTurnsLowerLayerFirstWhenReadyTogether() {
        IrProgramBuilder b = new IrProgramBuilder();
        int mvm0 = b.addMvm(0, 0, 0, 2, 0);   // 0..12 on layer 0's crossbars
        int adc0 = b.addAdc(0, 0, 0, 40, 0);  // 10 cycles: ceil(40 / 4) x 1
        int mvm1 = b.addMvm(1, 0, 0, 2, 0);   // 0..12 on layer 1's crossbars, in parallel
        int adc1 = b.addAdc(1, 0, 0, 40, 0);
        b.addEdge(mvm0, adc0);
        b.addEdge(mvm1, adc1);
        RecordingObserver obs = new RecordingObserver();
        Activity a = run(sharedAdcDesign(), b.build(), obs);

        assertEquals(0, obs.start(mvm0));
        assertEquals(0, obs.start(mvm1));
        assertEquals(12, obs.start(adc0));
        assertEquals(22, obs.start(adc1));
        assertEquals(32, a.cycles());
        int adcBank = 2;
        assertEquals("m0.adc", a.resources().name(adcBank));
        assertEquals(20, a.busyCycles(adcBank));
        assertEquals(10, a.waitCycles(adcBank));
        // Both ADCs queue at 12, one leaves at once, the other at 22.
        assertEquals(List.of("12:1", "12:2", "12:1", "22:0"), obs.queueDepths.stream()
                .filter(q -> q[1] == adcBank).map(q -> q[0] + ":" + q[2]).toList());
        assertEquals(22, a.layerLastEnd(0));
        assertEquals(32, a.layerLastEnd(1));
    }

    @Test
    void anIrReadyEarlierWinsTheSharedAdcBankOverALowerLayer() {
        IrProgramBuilder b = new IrProgramBuilder();
        int load0 = b.addLoad(0, 0, 64, 0);   // 0..4
        int mvm0 = b.addMvm(0, 0, 0, 2, 0);   // 4..16
        int adc0 = b.addAdc(0, 0, 0, 40, 0);  // ready 16, bank busy until 22: 22..32
        int mvm1 = b.addMvm(1, 0, 0, 2, 0);   // 0..12
        int adc1 = b.addAdc(1, 0, 0, 40, 0);  // ready 12: 12..22
        b.addEdge(load0, mvm0);
        b.addEdge(mvm0, adc0);
        b.addEdge(mvm1, adc1);
        RecordingObserver obs = new RecordingObserver();
        Activity a = run(sharedAdcDesign(), b.build(), obs);

        assertEquals(12, obs.start(adc1));
        assertEquals(22, obs.start(adc0));
        assertEquals(32, a.cycles());
        assertEquals(6, a.waitCycles(2));
    }

    @Test
    void twoTransfersSharingALinkSerializeWhileTheReverseLinkStaysFree() {
        // Macros in a row: m0 (0,0), m1 (0,1), m2 (0,2).
        Accelerator acc = TestDesigns.design(1, 3, 3)
                .macro(0, 0).serves(0).add()
                .macro(0, 1).serves(1).add()
                .macro(0, 2).serves(2).add().build();
        IrProgramBuilder b = new IrProgramBuilder();
        // 32 x 16 bits = 8 flits of 64 bits; one cycle per flit per link; one cycle per hop.
        int far = b.addTransfer(0, 0, 32, 0, 2);   // 2 hops: 2 + 8 = 10, holds r0c0>r0c1 and r0c1>r0c2
        int near = b.addTransfer(1, 0, 32, 1, 2);  // 1 hop: 1 + 8 = 9, needs r0c1>r0c2: waits until 10
        int back = b.addTransfer(2, 0, 32, 1, 0);  // r0c1>r0c0, free: 0..9
        RecordingObserver obs = new RecordingObserver();
        Activity a = run(acc, b.build(), obs);

        assertEquals(0, obs.start(far));
        assertEquals(10, obs.end(far));
        assertEquals(10, obs.start(near));
        assertEquals(19, obs.end(near));
        assertEquals(0, obs.start(back));
        assertEquals(9, obs.end(back));
        assertEquals(19, a.cycles());
        ResourceTable r = a.resources();
        int fixed = 3; // one scratchpad per macro, nothing else
        assertEquals("noc.r0c0>r0c1", r.name(fixed));
        assertEquals("noc.r0c1>r0c2", r.name(fixed + 1));
        assertEquals("noc.r0c1>r0c0", r.name(fixed + 2));
        assertEquals(fixed + 3, r.size());
        assertArrayEquals(new int[] {fixed, fixed + 1}, obs.held[far]);
        assertEquals(10, a.waitCycles(fixed + 1));
        assertEquals(19, a.busyCycles(fixed + 1));
        assertEquals(8 * 2 + 8 + 8, a.actions().ofVariant("noc", "router", "flitHop"));
        // TRANSFER data arrive at the destination: m2 receives two blocks of 512 bits at once.
        assertEquals(1024, a.scratchpadHighWaterBits(2));
    }

    @Test
    void aPoolOfTwoPortsServesThreeRequestsTwoAtATime() {
        Accelerator acc = TestDesigns.design(1, 1, 1).macro(0, 0).serves(0).scratchpad(256, 2).add().build();
        IrProgramBuilder b = new IrProgramBuilder();
        int first = b.addLoad(0, 0, 64, 0);   // 4 reads: 4 cycles
        int second = b.addLoad(0, 1, 128, 0); // 8 cycles
        int third = b.addLoad(0, 2, 32, 0);   // 2 cycles, waits for a port
        RecordingObserver obs = new RecordingObserver();
        Activity a = run(acc, b.build(), obs);

        assertEquals(0, obs.start(first));
        assertEquals(0, obs.start(second));
        assertEquals(4, obs.start(third));
        assertEquals(6, obs.end(third));
        assertEquals(8, a.cycles());
        assertEquals(14, a.busyCycles(0));
        assertEquals(0.875, a.utilization(0), 1e-12);
        assertEquals(4, a.waitCycles(0));
        assertEquals(7, a.bottleneckCycles(), "14 unit-cycles over 2 ports");
    }

    @Test
    void aMergeWaitsForEveryLinkOfItsRoutesAndSerializesRemoteSourcesAtTheDestination() {
        // 2x2 mesh: m0 (0,0), m1 (0,1), m2 (1,0), m3 (1,1).
        Accelerator acc = TestDesigns.design(2, 2, 1)
                .macro(0, 0).serves(0).add().macro(0, 1).serves(0).add()
                .macro(1, 0).serves(0).add().macro(1, 1).serves(0).add().build();
        IrProgramBuilder b = new IrProgramBuilder();
        // Sources m1 (1 hop west) and m3 (west then north: 2 hops); m0 is the destination itself.
        int merge = b.addMerge(0, 0, 32, 0, 0, 1, 3);
        // Needs r1c0>r0c0, held by the merge: waits. 1 hop + 8 flits = 9.
        int blocked = b.addTransfer(0, 1, 32, 2, 0);
        RecordingObserver obs = new RecordingObserver();
        Activity a = run(acc, b.build(), obs);

        // 2 hops x 1 + 8 flits x 1 cycle x 2 remote sources = 18.
        assertEquals(0, obs.start(merge));
        assertEquals(18, obs.end(merge));
        assertEquals(18, obs.start(blocked));
        assertEquals(27, a.cycles());
        assertEquals(3, obs.held[merge].length);
        assertEquals(8 * (1 + 2) + 8, a.actions().ofVariant("noc", "router", "flitHop"));
        // Two remote partial blocks (512 bits each) land at m0, then the transfer's 512 bits; nothing loads them.
        assertEquals(1536, a.scratchpadHighWaterBits(0));
    }

    @Test
    void imagesStreamThroughEveryIrInOrder() {
        Accelerator acc = TestDesigns.design(1, 1, 1).macro(0, 0).serves(0).crossbars(0, 1).add().build();
        IrProgramBuilder b = new IrProgramBuilder();
        int load = b.addLoad(0, 0, 64, 0); // 4
        int mvm = b.addMvm(0, 0, 0, 1, 0); // 12
        b.addEdge(load, mvm);
        RecordingObserver obs = new RecordingObserver();
        Activity a = engine.run(acc, TestDesigns.library(), b.build(), 3, obs);

        // The MVM's 12 cycles are the bound, an image alone takes 16: the window, ceil(16 / 12) + 1 = 3 images, lets
        // all three in at cycle 0. Image 1 loads when image 0's load ends; image 2's load waits for one of the two
        // input registers, which image 0's MVM gives back at 16. Each MVM waits for the one before.
        assertArrayEquals(new long[] {0, 4, 4, 16, 16, 28}, obs.startCycle, "image 0 load, mvm, image 1, image 2");
        assertEquals(16, a.imageEndCycle(0));
        assertEquals(28, a.imageEndCycle(1));
        assertEquals(40, a.imageEndCycle(2));
        assertEquals(40, a.cycles());
        assertEquals(16, a.firstImageLatencyCycles());
        assertTrue(a.intervalMeasured());
        assertEquals(12, a.intervalCycles());
        assertEquals(36, a.busyCycles(0), "3 images x 12 cycles of MVM");
        assertEquals(3, a.actions().of("crossbar", "read", 0));
    }

    @Test
    void irsLastingMillionsOfCyclesAreTimedExactly() {
        // Beyond 2^20 cycles of look-ahead the engine keeps events in a heap instead of its bucket ring.
        Accelerator acc = TestDesigns.design(1, 1, 1).macro(0, 0).serves(0).crossbars(0, 1).add().build();
        IrProgramBuilder b = new IrProgramBuilder();
        int store = b.addStore(0, 0, 1 << 24, 0); // 2^24 x 16 / 256 = 2^20 writes x 2 cycles
        int mvm = b.addMvm(0, 0, 0, 1, 0);
        int load = b.addLoad(0, 1, 16, 0);        // 1 read; waits for the port
        b.addEdge(mvm, load);
        RecordingObserver obs = new RecordingObserver();
        Activity a = run(acc, b.build(), obs);
        assertEquals(0, obs.start(store));
        assertEquals(2L << 20, obs.end(store));
        assertEquals(12, obs.end(mvm));
        assertEquals(2L << 20, obs.start(load));
        assertEquals((2L << 20) + 1, a.cycles());
    }

    @Test
    void latenciesBecomeWholeCyclesRoundedUpAtTheDesignClock() {
        Accelerator acc = TestDesigns.design(1, 1, 1).clock(1.25).macro(0, 0).serves(0).crossbars(0, 1).add()
                .build();
        IrProgramBuilder b = new IrProgramBuilder();
        b.addMvm(0, 0, 0, 1, 0); // 12 ns x 1.25 GHz = 15 cycles exactly
        b.addLoad(0, 1, 64, 0);  // 4 reads x ceil(1 ns x 1.25) = 4 x 2 = 8
        Activity a = run(acc, b.build(), new RecordingObserver());
        assertEquals(15, a.busyCycles(0));
        assertEquals(8, a.busyCycles(1));
        assertEquals(15, a.cycles());
    }

    @Test
    void irsNeedingMissingResourcesAreReportedWithTheirIds() {
        Accelerator acc = TestDesigns.design(1, 2, 2)
                .macro(0, 0).serves(0).crossbars(0, 2).add()
                .macro(0, 1).serves(1).adcs(4).add().build();
        IrProgramBuilder b = new IrProgramBuilder();
        b.addMvm(0, 0, 0, 2, 0);
        b.addAdc(0, 0, 0, 8, 0);              // IR 1: macro 0 has no ADCs
        b.addMvm(1, 0, 0, 1, 0);              // IR 2: no layer-1 crossbars in macro 0
        b.addAlu(AluKind.POOL, 1, 0, IrProgram.NO_BIT, 8, 1); // IR 3: no POOL units
        b.addMvm(0, 1, 0, 3, 0);              // IR 4: 3 crossbars wanted, 2 held
        b.addTransfer(0, 0, 8, 0, 5);         // IR 5: no macro 5
        InvalidSimulationInputException e = assertThrows(InvalidSimulationInputException.class,
                () -> run(acc, b.build(), null));
        assertEquals("5 IRs need what the accelerator does not have: "
                + "IR 1 (ADC layer 0 block 0 bit 0 on macro 0) macro 0 has no ADCs; "
                + "IR 2 (MVM layer 1 block 0 bit 0 on macro 0) macro 0 holds no crossbars of layer 1; "
                + "IR 3 (ALU pool layer 1 block 0 on macro 1) macro 1 has no POOL units; "
                + "IR 4 (MVM layer 0 block 1 bit 0 on macro 0) activates 3 crossbars but macro 0 holds 2 of layer 0; "
                + "IR 5 (TRANSFER layer 0 block 0 from macro 0 to macro 5) names macro 5 but the accelerator has "
                + "2 macros", e.getMessage());
    }

    @Test
    void anEngineGivesTheSameAnswerWhenReusedOnAnotherProgram() {
        Accelerator acc = sharedAdcDesign();
        IrProgramBuilder big = new IrProgramBuilder();
        for (int i = 0; i < 50; i++) {
            int m = big.addMvm(i % 2, i, 0, 2, 0);
            int adc = big.addAdc(i % 2, i, 0, 40, 0);
            big.addEdge(m, adc);
        }
        IrProgramBuilder small = new IrProgramBuilder();
        int m = small.addMvm(0, 0, 0, 2, 0);
        int adc = small.addAdc(0, 0, 0, 4, 0);
        small.addEdge(m, adc);
        Activity first = engine.run(acc, TestDesigns.library(), small.build(), 1, null);
        engine.run(acc, TestDesigns.library(), big.build(), 2, null);
        Activity again = engine.run(acc, TestDesigns.library(), small.build(), 1, null);
        assertEquals(13, first.cycles());
        assertEquals(first.cycles(), again.cycles());
        assertEquals(first.busyCycles(2), again.busyCycles(2));
    }

    @Test
    void anEmptyProgramTakesNoTime() {
        RecordingObserver obs = new RecordingObserver();
        Activity a = engine.run(sharedAdcDesign(), TestDesigns.library(), new IrProgramBuilder().build(), 2, obs);
        assertEquals(0, a.cycles());
        assertEquals(0, obs.finishedCycles);
        assertEquals(-1, a.layerFirstStart(0));
        assertEquals(0, a.busyCycles(0));
    }

    @Test
    void imagesBelowOneAreRejected() {
        Accelerator acc = sharedAdcDesign();
        IrProgram p = new IrProgramBuilder().build();
        assertEquals("images must be >= 1, got 0", assertThrows(InvalidSimulationInputException.class,
                () -> engine.run(acc, TestDesigns.library(), p, 0, null)).getMessage());
    }
}
