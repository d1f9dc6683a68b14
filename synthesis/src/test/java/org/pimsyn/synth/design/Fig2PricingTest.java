package org.pimsyn.synth.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.AdcBank;
import org.pimsyn.sim.arch.AluUnits;
import org.pimsyn.sim.arch.CrossbarGroup;
import org.pimsyn.sim.arch.DacArray;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.arch.Scratchpad;
import org.pimsyn.sim.chip.AreaModel;
import org.pimsyn.sim.chip.ChipArea;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.energy.ComponentEnergy;
import org.pimsyn.sim.energy.EnergyModel;
import org.pimsyn.sim.engine.SimulationObserver;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.ir.IrProgramBuilder;
import org.pimsyn.sim.report.ReportText;
import org.pimsyn.sim.report.SimulationReport;
import org.pimsyn.synth.hardware.HardwareLibrary;

/**
 * The parts of the paper's Fig. 2 that the built-in library prices beyond the timing rules' components, worked by
 * hand on a tiny program: two macros side by side (1 x 2 mesh), macro 0 with 2 crossbars of 128 x 128 serving layer
 * 0, macro 1 with 1 crossbar serving layer 1.
 *
 * <pre>
 * m0: LOAD 64 (no predecessor: the network's input) -> MVM 2 crossbars -> ADC 256 -> shiftAdd 256 -> STORE 128
 *     -> TRANSFER 32 to m1 (1 hop)
 * m1: LOAD 32 -> MVM 1 crossbar -> ADC 128
 * </pre>
 */
class Fig2PricingTest {
    private static final double EPS = 1e-9;
    private static final HardwareLibrary LIBRARY = HardwareLibrary.builtIn();
    private static final ComponentLibrary COSTS = ComponentLibraries.from(LIBRARY);

    static Accelerator accelerator() {
        Macro m0 = new Macro(0, 0, List.of(0), List.of(new CrossbarGroup(0, 2, 128, 2)), new DacArray(256, 1),
                new AdcBank(1, 8), List.of(new AluUnits(AluKind.SHIFT_ADD, 1, 32)), new Scratchpad(64, 256, 1),
                AcceleratorBuilder.otherComponents(LIBRARY.otherComponents(), true, 2, 128));
        Macro m1 = new Macro(0, 1, List.of(1), List.of(new CrossbarGroup(1, 1, 128, 2)), new DacArray(128, 1),
                new AdcBank(1, 8), List.of(), new Scratchpad(64, 256, 1),
                AcceleratorBuilder.otherComponents(LIBRARY.otherComponents(), false, 1, 128));
        return new Accelerator(LIBRARY.clockGhz(), 1, 2, 16, 2, List.of("a", "b"), List.of(m0, m1),
                ComponentLibraries.noc(LIBRARY), 49_000, 1000);
    }

    static IrProgram program() {
        IrProgramBuilder b = new IrProgramBuilder();
        int load = b.addLoad(0, 0, 64, 0);
        int mvm = b.addMvm(0, 0, 0, 2, 0);
        int adc = b.addAdc(0, 0, 0, 256, 0);
        int alu = b.addAlu(AluKind.SHIFT_ADD, 0, 0, 0, 256, 0);
        int store = b.addStore(0, 0, 128, 0);
        int transfer = b.addTransfer(0, 0, 32, 0, 1);
        int load1 = b.addLoad(1, 0, 32, 1);
        int mvm1 = b.addMvm(1, 0, 0, 1, 1);
        int adc1 = b.addAdc(1, 0, 0, 128, 1);
        b.addEdge(load, mvm);
        b.addEdge(mvm, adc);
        b.addEdge(adc, alu);
        b.addEdge(alu, store);
        b.addEdge(store, transfer);
        b.addEdge(transfer, load1);
        b.addEdge(load1, mvm1);
        b.addEdge(mvm1, adc1);
        return b.build();
    }

    @Test
    void everyPartIsPlacedWithTheCrossbarsOrInEveryMacroOrOnceInTheChip() {
        Accelerator acc = accelerator();
        // Per row or column of a crossbar: 2 x 128 in macro 0, 128 in macro 1; per macro one each; the global buffer
        // once, in macro 0.
        assertEquals(List.of("inputRegister 256", "sampleHold 256", "outputMux 256", "outputRegister 256",
                "registerFile 1", "macroBus 1", "controller 1", "globalBuffer 1"), acc.macros().get(0)
                .otherComponents().stream().map(c -> c.componentClass() + " " + c.count()).toList());
        assertEquals(List.of("inputRegister 128", "sampleHold 128", "outputMux 128", "outputRegister 128",
                "registerFile 1", "macroBus 1", "controller 1"), acc.macros().get(1).otherComponents().stream()
                .map(c -> c.componentClass() + " " + c.count()).toList());
    }

    @Test
    void eachNewClassIsPricedAsWorkedByHand() {
        SimulationReport report = new Simulator().report(accelerator(), COSTS, program(), 1,
                SimulationObserver.NONE);
        double timeNs = report.run().timeNs();
        // Input registers, one per crossbar row (384): a read per driven row, 2 x 128 + 128 = 384 x 0.108347 pJ;
        // a write per bit loaded, (64 + 32) x 16 = 1,536 x 0.00063734 pJ; 384 x 0.0000254934 mW leakage.
        check(report, "inputRegister", 384 * 0.108347 + 1536 * 0.00063734, 384 * 0.0000254934, timeNs);
        // Sample-and-hold, one per column (384): a sample per column per MVM, 384 x 0.000873 pJ; 384 x 0.00000097 mW.
        check(report, "sampleHold", 384 * 0.000873, 384 * 0.00000097, timeNs);
        // Output multiplexers: a select per converted column, 256 + 128, at 0 pJ, no leakage (MNSIM's and PUMA's 0).
        check(report, "outputMux", 0, 0, timeNs);
        assertEquals(384, new Simulator().simulate(accelerator(), COSTS, program(), 1, SimulationObserver.NONE)
                .actions().of("outputMux", "select", -1));
        // Output registers, one per column: a write per conversion, 384 x 0.01796875 pJ; 384 x 0.000044921875 mW.
        check(report, "outputRegister", 384 * 0.01796875, 384 * 0.000044921875, timeNs);
        // Register files, one per macro: the shift-add's 256 elements read and written, 512 x 0.33 pJ; 2 x 0.147 mW.
        check(report, "registerFile", 512 * 0.33, 2 * 0.147, timeNs);
        // Macro buses: every bit a LOAD or STORE moves, (64 + 128 + 32) x 16 = 3,584 x 0.015625 pJ = 56 pJ;
        // 2 x 0.6666667 mW.
        check(report, "macroBus", 56, 2 * 0.6666667, timeNs);
        // Controllers: no action, 2 x 0.05 mW.
        check(report, "controller", 0, 2 * 0.05, timeNs);
        // The global buffer, once: the network's input is macro 0's LOAD alone (the only IR without predecessor),
        // 64 x 16 = 1,024 bits x 0.12565527 pJ; its leakage 87.856 mW.
        check(report, "globalBuffer", 1024 * 0.12565527, 87.856, timeNs);
        // The NoC: the TRANSFER's 32 x 16 = 512 bits are 16 flits of 32 bits over 1 hop: 16 flit-hops through a
        // router (2.5925 pJ) and over a link (0.5 pJ); 2 routers leak 0.8316832 mW and 2 links 0.0833333 mW.
        check(report, "noc", 16 * 2.5925 + 16 * 0.5, 2 * 0.8316832 + 2 * 0.0833333, timeNs);
        // The built-in library prices every part of Fig. 2.
        assertEquals(List.of(), report.notPriced());
        assertTrue(!ReportText.summary(report).contains("Not priced"));
    }

    @Test
    void peakPowerAndAreaCountEveryInstance() {
        Accelerator acc = accelerator();
        Map<String, Double> peak = EnergyModel.peakPowerMw(org.pimsyn.sim.count.ComponentInventory.of(acc), COSTS);
        assertEquals(384 * 0.0012109375, peak.get("inputRegister"), EPS);
        assertEquals(384 * 0.000009765625, peak.get("sampleHold"), EPS);
        assertEquals(0, peak.get("outputMux"), EPS);
        assertEquals(384 * 0.000224609375, peak.get("outputRegister"), EPS);
        assertEquals(2 * 0.807, peak.get("registerFile"), EPS);
        assertEquals(2 * 5.4666667, peak.get("macroBus"), EPS);
        assertEquals(2 * 0.25, peak.get("controller"), EPS);
        assertEquals(116.0345, peak.get("globalBuffer"), EPS);
        ChipArea area = AreaModel.of(acc, COSTS);
        assertEquals(384 * 0.00000205078125, areaOf(area, "inputRegister"), EPS);
        assertEquals(384 * 0.0000000390625, areaOf(area, "sampleHold"), EPS);
        assertEquals(0, areaOf(area, "outputMux"), EPS);
        assertEquals(384 * 0.000000751953125, areaOf(area, "outputRegister"), EPS);
        assertEquals(2 * 0.00192, areaOf(area, "registerFile"), EPS);
        assertEquals(2 * 0.06, areaOf(area, "macroBus"), EPS);
        assertEquals(2 * 0.00145, areaOf(area, "controller"), EPS);
        assertEquals(0.664, areaOf(area, "globalBuffer"), EPS);
        assertTrue(area.known());
    }

    private static void check(SimulationReport report, String component, double dynamicPj, double staticMw,
            double timeNs) {
        ComponentEnergy e = report.energy().stream().filter(c -> c.component().equals(component)).findFirst()
                .orElseThrow(() -> new AssertionError(component + " is not in the report"));
        assertEquals(dynamicPj, e.dynamicPj(), EPS, component);
        assertEquals(staticMw, e.staticPowerMw(), EPS, component);
        assertEquals(staticMw * timeNs, e.staticPj(), 1e-6, component);
    }

    private static double areaOf(ChipArea area, String component) {
        return area.byClass().stream().filter(c -> c.component().equals(component)).findFirst().orElseThrow()
                .areaMm2();
    }
}
