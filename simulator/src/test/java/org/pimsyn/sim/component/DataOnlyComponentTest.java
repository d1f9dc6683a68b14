package org.pimsyn.sim.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.energy.ComponentEnergy;
import org.pimsyn.sim.energy.EnergyModel;
import org.pimsyn.sim.engine.Activity;
import org.pimsyn.sim.ir.IrKind;
import org.pimsyn.sim.report.ReportJson;
import org.pimsyn.sim.report.SimulationReport;

/**
 * A component kind added as data alone: a register file that holds every converted element and every element an
 * ALU reads, declared in the library with its triggers and placed in a macro, is counted, priced and reported with
 * no code of its own.
 */
class DataOnlyComponentTest {
    private static final double EPS = 1e-9;

    /** Written once an element comes out of the ADCs, read once per element an ALU IR takes. */
    static final ComponentClass REGISTER_FILE = new ComponentClass("registerFile", List.of(
            ComponentAction.of("write", Trigger.of(IrKind.ADC, Quantity.ELEMENT)),
            ComponentAction.of("read", Trigger.of(IrKind.ALU, Quantity.ELEMENT))));

    static ComponentLibrary libraryWithRegisterFile() {
        List<ComponentEntry> entries = new ArrayList<>(TestDesigns.entries());
        entries.add(new ComponentEntry("registerFile", "1KB", List.of(new ActionCost("write", 0.125, 1),
                new ActionCost("read", 0.0625, 1)), 0.5, 0.75, "round figures for a worked example"));
        return new ComponentLibrary(List.of(REGISTER_FILE), entries);
    }

    /** The worked chain of {@link TestDesigns}, its macro holding two register files. */
    static Accelerator chainWithRegisterFiles() {
        Accelerator a = TestDesigns.singleChainDesign();
        Macro m = a.macros().get(0);
        Macro withFiles = new Macro(m.row(), m.col(), m.layers(), m.crossbars(), m.dacs(), m.adcs(), m.alus(),
                m.scratchpad(), List.of(new ComponentInstance("registerFile", "1KB", 2)));
        return new Accelerator(a.clockGhz(), a.meshRows(), a.meshCols(), a.dataBits(), a.layerCount(),
                a.layerNames(), List.of(withFiles), a.noc(), a.powerBudgetMw(), a.macsPerImage());
    }

    @Test
    void aRegisterFileDeclaredInTheLibraryIsCountedPricedAndReported() throws Exception {
        ComponentLibrary library = libraryWithRegisterFile();
        Simulator simulator = new Simulator();
        Activity a = simulator.simulate(chainWithRegisterFiles(), library, TestDesigns.singleChainProgram(), 1,
                null);

        // The chain's ADC IR converts 256 elements; its shift-add IR takes 256.
        assertEquals(256, a.actions().of("registerFile", "write", 0));
        assertEquals(256, a.actions().of("registerFile", "read", 0));
        // Timing is that of the chain without them: they hold no IR.
        assertEquals(72, a.cycles());

        SimulationReport report = simulator.report(chainWithRegisterFiles(), library,
                TestDesigns.singleChainProgram(), 1, null);
        ComponentEnergy files = report.energy().stream().filter(c -> c.component().equals("registerFile"))
                .findFirst().orElseThrow();
        // 256 x 0.125 + 256 x 0.0625 pJ; 2 files x 0.5 mW, over the 72 ns run.
        assertEquals(48, files.dynamicPj(), EPS);
        assertEquals(1, files.staticPowerMw(), EPS);
        assertEquals(72, files.staticPj(), EPS);
        // Listed after the built-in classes, and the totals include it: 836 pJ dynamic without it.
        assertEquals("registerFile", report.energy().get(report.energy().size() - 1).component());
        assertEquals(836 + 48, report.run().dynamicEnergyPj(), EPS);
        assertTrue(ReportJson.toJson(report).contains("\"registerFile\""));
        // Peak power by class: 2 x 0.75 mW.
        assertEquals(1.5, EnergyModel.peakPowerMw(a.actions().items(), library).get("registerFile"), EPS);
    }

    @Test
    void theLibraryWithItsNewClassSurvivesAJsonRoundTrip() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ComponentLibrary library = libraryWithRegisterFile();
        ComponentLibrary back = json.readValue(json.writeValueAsString(library), ComponentLibrary.class);
        assertEquals(library, back);
        assertEquals("registerFile", back.componentClass("registerFile").name());
    }

    @Test
    void aMacroNamingAnUndeclaredClassOrMissingVariantIsRefusedNamingTheField() {
        Simulator simulator = new Simulator();
        InvalidSimulationInputException e = assertThrows(InvalidSimulationInputException.class,
                () -> simulator.simulate(chainWithRegisterFiles(), TestDesigns.library(),
                        TestDesigns.singleChainProgram(), 1, null));
        assertEquals("accelerator.macros[0].otherComponents[0]: component library: has no registerFile 1KB "
                + "(it has: none)", e.getMessage());
    }
}
