package org.pimsyn.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.component.ComponentEntries;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.AdcBank;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.arch.Scratchpad;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrProgram;

/**
 * A run whose binding equals the last timed run's takes that run's timing instead of running the event loop again;
 * every such answer must be the one a fresh engine simulates.
 */
class SimulationEngineReplayTest {
    /**
     * {@link TestDesigns#library()} with three scratchpads at 1 GHz: 64 KB (read 1, write 2 cycles), 128 KB
     * (0.6 and 1.5 ns: also 1 and 2 cycles, but twice the leakage) and 256 KB (read 3, write 4 cycles).
     */
    private static ComponentLibrary library() {
        return TestDesigns.libraryWith(ComponentEntries.scratchpad(128, 0.6, 1.5, 5.0, 7.0, 20.0, 30.0, "test"),
                ComponentEntries.scratchpad(256, 3, 4, 6.0, 8.0, 40.0, 43.0, "test"));
    }

    @Test
    void aLargerScratchpadOfTheSameCyclesRepeatsTheRunAndIsPricedAsItself() {
        SimulationEngine engine = new SimulationEngine();
        Accelerator small = TestDesigns.singleChainDesign();
        Accelerator larger = withScratchpads(small, 128);
        IrProgram program = TestDesigns.singleChainProgram();
        Activity first = engine.run(small, library(), program, 2, null);
        Activity repeated = engine.run(larger, library(), program, 2, null);

        assertEquals(1, engine.loopRuns());
        assertSame(larger, repeated.accelerator());
        assertSameTiming(first, repeated, "128 KB");
        assertEquals(10.0, Simulator.price(first, library()).component("scratchpad").staticPowerMw(), 1e-12);
        assertEquals(20.0, Simulator.price(repeated, library()).component("scratchpad").staticPowerMw(), 1e-12);
    }

    @Test
    void aScratchpadOfOtherCyclesRunsTheLoopAgain() {
        SimulationEngine engine = new SimulationEngine();
        Accelerator small = TestDesigns.singleChainDesign();
        IrProgram program = TestDesigns.singleChainProgram();
        Activity first = engine.run(small, library(), program, 1, null);
        Activity slower = engine.run(withScratchpads(small, 256), library(), program, 1, null);

        assertEquals(2, engine.loopRuns());
        // LOAD 4 -> 12 cycles (4 accesses x 3), STORE 8 -> 16 (4 x 4): 72 + 8 + 8.
        assertEquals(72, first.cycles());
        assertEquals(88, slower.cycles());
    }

    @Test
    void anObservedRunAlwaysRunsTheLoopSoTheObserverSeesTheEvents() {
        SimulationEngine engine = new SimulationEngine();
        Accelerator design = TestDesigns.singleChainDesign();
        IrProgram program = TestDesigns.singleChainProgram();
        engine.run(design, library(), program, 1, null);
        RecordingObserver obs = new RecordingObserver();
        engine.run(design, library(), program, 1, obs);

        assertEquals(2, engine.loopRuns());
        assertEquals(72, obs.finishedCycles);
    }

    @Test
    void anotherProgramOrImageCountRunsTheLoopAgain() {
        SimulationEngine engine = new SimulationEngine();
        Accelerator design = TestDesigns.singleChainDesign();
        engine.run(design, library(), TestDesigns.singleChainProgram(), 1, null);
        engine.run(design, library(), TestDesigns.singleChainProgram(), 1, null);
        assertEquals(2, engine.loopRuns(), "an equal program built anew is another program");
        IrProgram program = TestDesigns.singleChainProgram();
        engine.run(design, library(), program, 1, null);
        engine.run(design, library(), program, 2, null);
        assertEquals(4, engine.loopRuns());
        engine.count(design, library(), program, 1);
        engine.run(design, library(), program, 2, null);
        assertEquals(4, engine.loopRuns(), "counting in between leaves the last run's binding alone");
    }

    @Test
    void everyRepeatedRunEqualsAFreshSimulationOnGeneratedCases() {
        SplittableRandom rnd = new SplittableRandom(20261122);
        ComponentLibrary library = library();
        SimulationEngine engine = new SimulationEngine();
        int repeated = 0;
        int cases = 300;
        for (int c = 0; c < cases; c++) {
            Accelerator design = withScratchpads(RandomCases.design(rnd), 64);
            IrProgram program = RandomCases.program(rnd, design, 40);
            int images = 1 + rnd.nextInt(3);
            engine.run(design, library, program, images, null);
            // Scratchpads of 64 or 128 KB keep every duration; 256 KB or one ADC more changes some.
            Accelerator variant = variant(design, rnd);
            long before = engine.loopRuns();
            Activity reused = engine.run(variant, library, program, images, null);
            Activity fresh = new SimulationEngine().run(variant, library, program, images, null);
            String where = "case " + c + " (" + program.size() + " IRs, " + images + " images)";
            assertSameTiming(fresh, reused, where);
            assertSame(variant, reused.accelerator(), where);
            assertEquals(Simulator.price(fresh, library).totalPj(), Simulator.price(reused, library).totalPj(),
                    1e-9, where);
            if (engine.loopRuns() == before) {
                repeated++;
            }
        }
        assertTrue(repeated > cases / 10 && repeated < cases, "repeated " + repeated + " of " + cases);
    }

    private static Accelerator variant(Accelerator design, SplittableRandom rnd) {
        List<Macro> macros = new ArrayList<>();
        for (Macro m : design.macros()) {
            int capacityKb = switch (rnd.nextInt(6)) {
                case 0 -> 256;
                case 1, 2 -> 128;
                default -> 64;
            };
            AdcBank adcs = m.adcs().count() > 0 && rnd.nextInt(8) == 0
                    ? new AdcBank(m.adcs().count() + 1, m.adcs().resolutionBits()) : m.adcs();
            macros.add(new Macro(m.row(), m.col(), m.layers(), m.crossbars(), m.dacs(), adcs, m.alus(),
                    new Scratchpad(capacityKb, m.scratchpad().busWidthBits(), m.scratchpad().ports())));
        }
        return withMacros(design, macros);
    }

    private static Accelerator withScratchpads(Accelerator design, int capacityKb) {
        List<Macro> macros = new ArrayList<>();
        for (Macro m : design.macros()) {
            macros.add(new Macro(m.row(), m.col(), m.layers(), m.crossbars(), m.dacs(), m.adcs(), m.alus(),
                    new Scratchpad(capacityKb, m.scratchpad().busWidthBits(), m.scratchpad().ports())));
        }
        return withMacros(design, macros);
    }

    private static Accelerator withMacros(Accelerator d, List<Macro> macros) {
        return new Accelerator(d.clockGhz(), d.meshRows(), d.meshCols(), d.dataBits(), d.layerCount(),
                d.layerNames(), macros, d.noc(), d.powerBudgetMw(), d.macsPerImage());
    }

    private static void assertSameTiming(Activity expected, Activity actual, String where) {
        assertEquals(expected.cycles(), actual.cycles(), where);
        for (int i = 0; i < expected.images(); i++) {
            assertEquals(expected.imageEndCycle(i), actual.imageEndCycle(i), where + ", image " + i);
        }
        for (int l = 0; l < expected.layerCount(); l++) {
            assertEquals(expected.layerFirstStart(l), actual.layerFirstStart(l), where + ", layer " + l);
            assertEquals(expected.layerLastEnd(l), actual.layerLastEnd(l), where + ", layer " + l);
        }
        assertEquals(expected.resources().size(), actual.resources().size(), where);
        for (int r = 0; r < expected.resources().size(); r++) {
            assertEquals(expected.busyCycles(r), actual.busyCycles(r), where + ", resource " + r);
            assertEquals(expected.waitCycles(r), actual.waitCycles(r), where + ", resource " + r);
        }
        for (int m = 0; m < expected.accelerator().macros().size(); m++) {
            assertEquals(expected.scratchpadHighWaterBits(m), actual.scratchpadHighWaterBits(m),
                    where + ", macro " + m);
            assertEquals(expected.actions().of("scratchpad", "read", m), actual.actions().of("scratchpad", "read", m), where + ", macro " + m);
            assertEquals(expected.actions().of("adc", "convert", m), actual.actions().of("adc", "convert", m), where + ", macro " + m);
            assertEquals(expected.actions().of("alu.shiftAdd", "operate", m), actual.actions().of("alu.shiftAdd", "operate", m), where);
        }
        assertEquals(expected.intervalCycles(), actual.intervalCycles(), where);
    }
}
