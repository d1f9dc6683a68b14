package org.pimsyn.sim.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.ir.AluKind;

class AcceleratorTest {

    private static Macro macro(int row, int col, List<Integer> layers, List<CrossbarGroup> crossbars) {
        return new Macro(row, col, layers, crossbars, new DacArray(4, 1), new AdcBank(2, 8),
                List.of(new AluUnits(AluKind.SHIFT_ADD, 1, 32)), new Scratchpad(64, 256, 1));
    }

    private static Accelerator withMacros(List<Macro> macros) {
        return new Accelerator(1.0, 2, 2, 16, 2, List.of(), macros, new Noc(64, 64), 1000, 1);
    }

    @Test
    void anAcceleratorSurvivesAJsonRoundTrip() throws Exception {
        Accelerator acc = TestDesigns.design(2, 3, 3).clock(1.2).budgetMw(49_000).macs(724_000_000L)
                .macro(0, 0).serves(0, 2).crossbars(0, 8).crossbars(2, 4).adcs(16).alu(AluKind.SHIFT_ADD, 4, 32)
                .alu(AluKind.POOL, 1, 16).add()
                .macro(1, 2).serves(1).crossbars(1, 2).adcs(4).scratchpad(128, 2).add().build();
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(acc);
        assertEquals(acc, json.readValue(text, Accelerator.class));
        assertEquals(List.of(new MacroSharing(0, List.of(0, 2))), acc.macroSharing());
        assertEquals(List.of(0), acc.macrosOf(2));
        assertEquals(3, acc.hops(0, 1));
    }

    @Test
    void namesAreOptionalButOnePerLayerWhenGiven() {
        Accelerator unnamed = withMacros(List.of(macro(0, 0, List.of(0, 1), List.of())));
        assertEquals("layer 1", unnamed.layerName(1));
        Accelerator named = new Accelerator(1.0, 1, 1, 16, 2, List.of("conv1", "fc1"),
                List.of(macro(0, 0, List.of(0, 1), List.of())), new Noc(64, 64), 1000, 1);
        assertEquals("fc1", named.layerName(1));
        assertEquals("accelerator.layerNames has 1 names for 2 layers (give none or one per layer)",
                assertThrows(InvalidSimulationInputException.class, () -> new Accelerator(1.0, 1, 1, 16, 2,
                        List.of("conv1"), List.of(macro(0, 0, List.of(0), List.of())), new Noc(64, 64), 1000, 1))
                        .getMessage());
    }

    @Test
    void invalidDesignsAreRejectedNamingTheField() {
        assertEquals("accelerator.macros[1] is at row 2 col 0, outside the 2x2 mesh",
                assertThrows(InvalidSimulationInputException.class, () -> withMacros(List.of(
                        macro(0, 0, List.of(0), List.of()), macro(2, 0, List.of(1), List.of())))).getMessage());
        assertEquals("accelerator.macros[1] is at row 0 col 0, where another macro already is",
                assertThrows(InvalidSimulationInputException.class, () -> withMacros(List.of(
                        macro(0, 0, List.of(0), List.of()), macro(0, 0, List.of(1), List.of())))).getMessage());
        assertEquals("accelerator.macros[0].crossbars[0] holds layer 1, which is not among the layers the macro "
                        + "serves [0]",
                assertThrows(InvalidSimulationInputException.class, () -> withMacros(List.of(
                        macro(0, 0, List.of(0), List.of(new CrossbarGroup(1, 4, 128, 2)))))).getMessage());
        assertEquals("accelerator.macros[0].crossbars[0].count must be >= 1, got 0",
                assertThrows(InvalidSimulationInputException.class, () -> withMacros(List.of(
                        macro(0, 0, List.of(0), List.of(new CrossbarGroup(0, 0, 128, 2)))))).getMessage());
        assertEquals("accelerator.macros[0].layers has 5; layers are 0..1",
                assertThrows(InvalidSimulationInputException.class, () -> withMacros(List.of(
                        macro(0, 0, List.of(5), List.of())))).getMessage());
        assertEquals("accelerator.clockGhz must be a positive number, got 0.0",
                assertThrows(InvalidSimulationInputException.class, () -> new Accelerator(0, 1, 1, 16, 1, List.of(),
                        List.of(macro(0, 0, List.of(0), List.of())), new Noc(64, 64), 1000, 1)).getMessage());
    }

    @Test
    void latenciesRoundUpToWholeCyclesOfAtLeastOne() {
        Accelerator acc = new Accelerator(1.2, 1, 1, 16, 1, List.of(), List.of(macro(0, 0, List.of(0), List.of())),
                new Noc(64, 64), 1000, 1);
        assertEquals(120, acc.cyclesOf(100));
        assertEquals(1, acc.cyclesOf(0.5));
        assertEquals(2, acc.cyclesOf(0.9));
        assertEquals(1, acc.cyclesOf(1e-6));
    }
}
