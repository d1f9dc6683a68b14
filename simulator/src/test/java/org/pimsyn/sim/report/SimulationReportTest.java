package org.pimsyn.sim.report;

import org.pimsyn.sim.engine.Activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.engine.ResourceKind;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.ir.IrProgramBuilder;

class SimulationReportTest {
    private static final double EPS = 1e-9;

    private static Accelerator chainDesign(double budgetMw) {
        return TestDesigns.design(1, 1, 1).budgetMw(budgetMw).macs(1000)
                .macro(0, 0).serves(0).crossbars(0, 4).adcs(8).alu(AluKind.SHIFT_ADD, 2, 32).add().build();
    }

    /** The 72-cycle chain (see the engine and energy tests), with a STORE of {@code storeWidth} elements. */
    private static IrProgram chain(int storeWidth) {
        IrProgramBuilder b = new IrProgramBuilder();
        int load = b.addLoad(0, 0, 64, 0);
        int mvm = b.addMvm(0, 0, 0, 4, 0);
        int adc = b.addAdc(0, 0, 0, 256, 0);
        int alu = b.addAlu(AluKind.SHIFT_ADD, 0, 0, 0, 256, 0);
        int store = b.addStore(0, 0, storeWidth, 0);
        b.addEdge(load, mvm);
        b.addEdge(mvm, adc);
        b.addEdge(adc, alu);
        b.addEdge(alu, store);
        return b.build();
    }

    @Test
    void performanceFiguresFollowFromCountsAndTheBottleneck() {
        Performance p = new Simulator().fitness(chainDesign(1000), TestDesigns.library(), chain(64), 1);
        // One image: the interval is the ADC bank's 32 busy cycles. Dynamic 836 pJ, static 12.682 mW.
        assertEquals(72, p.cycles());
        assertEquals(72, p.firstImageLatencyCycles());
        assertEquals(32, p.intervalCycles());
        assertEquals(IntervalBasis.BOTTLENECK, p.intervalBasis());
        assertEquals(836 + 12.682 * 32, p.energyPerImagePj(), EPS);
        assertEquals((836 + 12.682 * 32) / 32, p.steadyStatePowerMw(), EPS);
        assertEquals(836 + 12.682 * 72, p.runEnergyPj(), EPS);
        assertEquals((836 + 12.682 * 72) / 72, p.averagePowerMw(), EPS);
        assertEquals(2000.0 / 32, p.throughputGops(), EPS);
        assertEquals(2000.0 * 1000 / (836 + 12.682 * 32), p.gopsPerWatt(), EPS);
        assertTrue(p.withinPowerBudget());
        assertTrue(p.scratchpadsFit());
    }

    @Test
    void theFullReportCarriesLayersResourcesEnergyAndNoViolations() {
        SimulationReport r = new Simulator().report(chainDesign(1000), TestDesigns.library(), chain(64), 1, null);
        assertEquals(72, r.run().cycles());
        assertEquals(72.0, r.run().timeNs(), EPS);
        assertEquals(5, r.run().irExecutions());
        assertEquals(1749.104, r.run().totalEnergyPj(), EPS);
        assertEquals(List.of(new SimulationReport.LayerTiming(0, "layer 0", 0, 72, 72)), r.layers());
        assertEquals(new SimulationReport.ResourceUsage(1, "m0.adc", ResourceKind.ADC_BANK, 1, 32, 32.0 / 72, 0),
                r.resources().get(1));
        assertEquals(List.of(new SimulationReport.ScratchpadUsage(0, 128, 65536, false)), r.scratchpads());
        assertEquals(List.of(), r.violations());
        assertEquals(List.of("crossbar", "dac", "adc", "alu.shiftAdd", "scratchpad", "noc"),
                r.energy().stream().map(e -> e.component()).toList());
    }

    @Test
    void anOverfullScratchpadAndPowerOverBudgetAreReportedViolations() {
        // 40,000 x 16 bits = 80,000 B stored into a 64 KB scratchpad; a 10 mW budget.
        SimulationReport r = new Simulator().report(chainDesign(10), TestDesigns.library(), chain(40_000), 1, null);
        assertEquals(new SimulationReport.ScratchpadUsage(0, 80_000, 65_536, true), r.scratchpads().get(0));
        assertFalse(r.performance().scratchpadsFit());
        assertFalse(r.performance().withinPowerBudget());
        assertEquals(2, r.violations().size());
        assertEquals("macro 0 scratchpad high-water mark 80,000 B exceeds its capacity of 65,536 B",
                r.violations().get(0));
        assertTrue(r.violations().get(1).endsWith("exceeds the 10.0 mW budget"), r.violations().get(1));
    }

    @Test
    void theReportSurvivesAJsonRoundTrip() {
        SimulationReport r = new Simulator().report(chainDesign(10), TestDesigns.library(), chain(40_000), 2, null);
        String json = ReportJson.toJson(r);
        assertEquals(r, ReportJson.fromJson(json));
        assertTrue(json.contains("\"intervalBasis\" : \""), json);
        assertTrue(json.contains("\"component\" : \"alu.shiftAdd\""), json);
    }

    @Test
    void theIntervalIsNeverShorterThanTheBottleneck() {
        for (int images = 1; images <= 4; images++) {
            Activity a = new Simulator().simulate(chainDesign(10), TestDesigns.library(), chain(40_000), images, null);
            long measured = a.measuredIntervalCycles();
            long bottleneck = a.bottleneckCycles();
            assertEquals(images >= 2 ? Math.max(measured, bottleneck) : bottleneck, a.intervalCycles());
            assertEquals(images >= 2 && measured >= bottleneck, a.intervalMeasured());
        }
        SimulationReport one = new Simulator().report(chainDesign(10), TestDesigns.library(), chain(40_000), 1, null);
        assertEquals(IntervalBasis.BOTTLENECK, one.performance().intervalBasis(), "one image measures no interval");
        // The window is 3 images (ceil(5,064 / 5,004) + 1), which arrive together: their STOREs follow one another
        // on the scratchpad port 5,000 cycles apart, below the bound (the port's LOAD and STORE, 5,004 cycles): the
        // pipeline filling. The fourth arrives when the first ends, and its LOAD waits for the port behind two
        // STOREs: 5,064 cycles after the third. Its three gaps average 5,022 cycles, a measurement.
        SimulationReport three = new Simulator().report(chainDesign(10), TestDesigns.library(), chain(40_000), 3, null);
        assertEquals(IntervalBasis.BOTTLENECK, three.performance().intervalBasis(), "gaps below the bound are filling");
        assertEquals(5004, three.performance().intervalCycles(), "the bound");
        SimulationReport four = new Simulator().report(chainDesign(10), TestDesigns.library(), chain(40_000), 4, null);
        assertEquals(IntervalBasis.MEASURED, four.performance().intervalBasis(), "three gaps are measured, not converged");
        assertEquals(5022, four.performance().intervalCycles());
    }

    @Test
    void theTextSummaryHasHeadlineFiguresAndBothTables() {
        SimulationReport r = new Simulator().report(chainDesign(1000), TestDesigns.library(), chain(64), 1, null);
        String text = ReportText.summary(r);
        assertTrue(text.startsWith("Simulated 1 image: 72 cycles (72.0 ns at 1.000 GHz), 5 IR executions\n"), text);
        assertTrue(text.contains("Interval between images: 32 cycles (32.0 ns), the bound (busiest resource's busy time), "
                + "not measured"), text);
        assertTrue(text.contains("Latency: 72 cycles (72.0 ns) for one image alone, 72 cycles (72.0 ns) in the stream"),
                text);
        assertTrue(text.contains("Power efficiency: 1,610.53 GOPS/W"), text);
        assertTrue(text.contains("     0  layer 0                                   0             72             72"),
                text);
        assertTrue(text.contains("m0.adc                 ADC_BANK       1               32   44.4%                0"),
                text);
        assertTrue(text.contains("Violations: none"), text);
    }
}
