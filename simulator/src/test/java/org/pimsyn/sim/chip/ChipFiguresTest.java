package org.pimsyn.sim.chip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentArea;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.AluKind;

class ChipFiguresTest {
    private static final double EPS = 1e-12;
    private static final String SOURCE = "round figures for worked examples";

    /** Two macros on a 1 x 2 mesh: 4 + 2 crossbars of 128 x 128 two-bit cells, 2 DACs each, 8 and 4 ADCs. */
    private static Accelerator twoMacros() {
        return TestDesigns.design(1, 2, 2)
                .macro(0, 0).serves(0).crossbars(0, 4).adcs(8).alu(AluKind.SHIFT_ADD, 2, 32).add()
                .macro(0, 1).serves(1).crossbars(1, 2).adcs(4).add()
                .build();
    }

    private static List<ComponentArea> areas() {
        return List.of(
                new ComponentArea("crossbar", "128x128-2bit", 0.001, SOURCE),
                new ComponentArea("dac", "1bit", 0.0005, SOURCE),
                new ComponentArea("adc", "8bit", 0.01, SOURCE),
                new ComponentArea("alu.shiftAdd", "unit", 0.002, SOURCE),
                new ComponentArea("scratchpad", "64KB", 0.1, SOURCE),
                new ComponentArea("noc", "router", 0.05, SOURCE),
                new ComponentArea("noc", "link", 0, SOURCE));
    }

    private static ComponentLibrary library(List<ComponentArea> areas) {
        return new ComponentLibrary(List.of(), TestDesigns.entries(), areas);
    }

    @Test
    void theAreaOfATinyDesignIsWorkedOutByHand() {
        ChipArea area = AreaModel.of(twoMacros(), library(areas()));
        // Macro 0: 4 x 0.001 + 2 x 0.0005 + 8 x 0.01 + 2 x 0.002 + 0.1 = 0.189.
        assertEquals(0.189, area.byMacro().get(0).areaMm2(), EPS);
        // Macro 1: 2 x 0.001 + 2 x 0.0005 + 4 x 0.01 + 0.1 = 0.143.
        assertEquals(0.143, area.byMacro().get(1).areaMm2(), EPS);
        // Mesh: 2 routers x 0.05 + 2 links x 0.
        assertEquals(0.1, area.meshMm2(), EPS);
        assertEquals(0.432, area.areaMm2(), EPS);
        assertEquals(List.of("crossbar", "dac", "adc", "alu.shiftAdd", "scratchpad", "noc"),
                area.byClass().stream().map(ChipArea.ClassArea::component).toList());
        ChipArea.ClassArea adc = area.byClass().get(2);
        assertEquals(12, adc.instances());
        assertEquals(0.12, adc.areaMm2(), EPS);
        assertEquals(4, area.byClass().get(5).instances(), "2 routers and 2 directional links");
        assertTrue(area.unknownFor().isEmpty());
    }

    @Test
    void thePeakFiguresOfATinyDesignAreWorkedOutByHand() {
        ChipFigures f = ChipFigures.of(twoMacros(), library(areas()), 16, 43.2);
        PeakFigures p = f.peak();
        // One MVM: 10 ns read + 2 ns DAC at 1 GHz = 12 ns. 16-bit weights on 2-bit cells: 8 slices; 16-bit inputs
        // through 1-bit DACs: 16 MVMs. 2 x 6 x 128 x 128 / (8 x 16 x 12) = 128 operations per ns = 0.128 TOPS.
        assertEquals(0.128, p.throughputTops(), EPS);
        // Peaks: crossbars 6 x 0.51, DACs 4 x 0.251, ADCs 12 x 2.2, shift-add 2 x 0.27, scratchpads 2 x 14,
        // routers 2 x 1.5, links 2 x 0.25 = 62.504 mW.
        assertEquals(62.504, p.powerMw(), 1e-9);
        assertEquals(0.128 / 0.062504, p.topsPerWatt(), 1e-9);
        assertEquals(0.128 / 0.432, p.topsPerMm2(), 1e-9);
        assertEquals(43.2 / 0.432, f.gopsPerMm2(), 1e-9);
        assertEquals(2, p.opsPerMac());
    }

    @Test
    void anEntryWithoutAreaMakesItsSumsUnknownNotZero() {
        List<ComponentArea> some = new ArrayList<>(areas());
        some.removeIf(a -> a.variant().equals("link"));
        ChipFigures f = ChipFigures.of(twoMacros(), library(some), 16, 43.2);
        assertNull(f.area().areaMm2());
        assertNull(f.area().meshMm2());
        assertNull(f.gopsPerMm2());
        assertNull(f.peak().topsPerMm2());
        assertNull(f.area().byClass().get(5).areaMm2(), "the noc class holds the links");
        assertEquals(0.189, f.area().byMacro().get(0).areaMm2(), EPS, "the macros are still known");
        assertEquals(List.of("noc link"), f.area().unknownFor());
        assertTrue(ChipFiguresText.summary(f).contains("Area: unknown (the library gives no area for noc link)"));
    }

    @Test
    void anAreaMustNameAnEntryOnceWithANonNegativeFigureAndASource() {
        assertEquals("component library: crossbar 128x128-2bit: area must be a non-negative number of mm2, got -1.0",
                assertThrows(InvalidSimulationInputException.class, () -> library(List.of(
                        new ComponentArea("crossbar", "128x128-2bit", -1, SOURCE)))).getMessage());
        assertEquals("component library: the area of adc 9bit names no entry of the library",
                assertThrows(InvalidSimulationInputException.class, () -> library(List.of(
                        new ComponentArea("adc", "9bit", 1, SOURCE)))).getMessage());
        assertEquals("component library: adc 8bit: the area's source is missing; every figure names where it "
                + "comes from", assertThrows(InvalidSimulationInputException.class, () -> library(List.of(
                        new ComponentArea("adc", "8bit", 1, " ")))).getMessage());
        assertEquals("component library: the area of adc 8bit appears twice",
                assertThrows(InvalidSimulationInputException.class, () -> library(List.of(
                        new ComponentArea("adc", "8bit", 1, SOURCE), new ComponentArea("adc", "8bit", 2, SOURCE))))
                        .getMessage());
    }

    @Test
    void areasSurviveAJsonRoundTripAndALibraryWithoutThemWritesNone() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ComponentLibrary withAreas = library(areas());
        assertEquals(withAreas, json.readValue(json.writeValueAsString(withAreas), ComponentLibrary.class));
        assertTrue(!json.writeValueAsString(TestDesigns.library()).contains("areas"),
                "a library without areas is written as before they existed");
    }
}
