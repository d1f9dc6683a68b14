package org.pimsyn.sim.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.TestDesigns;
import org.pimsyn.sim.component.ActionCost;
import org.pimsyn.sim.component.ComponentEntries;
import org.pimsyn.sim.component.ComponentEntry;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.engine.Activity;
import org.pimsyn.sim.engine.SimulationEngine;
import org.pimsyn.sim.ir.AluKind;

class EnergyModelTest {
    private static final double EPS = 1e-9;

    /** The 72-cycle chain of the engine test: 1 GHz, so the run lasts 72 ns. */
    static Activity chain() {
        return new SimulationEngine().run(TestDesigns.singleChainDesign(), TestDesigns.library(),
                TestDesigns.singleChainProgram(), 1, null);
    }

    @Test
    void aTinyDesignIsPricedAsWorkedOutByHand() {
        Activity a = chain();
        assertEquals(72, a.cycles());
        EnergyBreakdown e = Simulator.price(a, TestDesigns.library());

        // 4 crossbar reads x 5 pJ; 4 crossbars x 0.01 mW x 72 ns.
        assertEntry(e, "crossbar", 20, 0.04, 2.88);
        // 4 crossbars x 128 rows = 512 conversions x 0.5 pJ; 2 DACs x 0.001 mW.
        assertEntry(e, "dac", 256, 0.002, 0.144);
        // 256 conversions x 2 pJ; 8 ADCs x 0.2 mW.
        assertEntry(e, "adc", 512, 1.6, 115.2);
        // ceil(256 / 32) = 8 unit operations x 1 pJ; 2 units x 0.02 mW.
        assertEntry(e, "alu.shiftAdd", 8, 0.04, 2.88);
        // 4 reads x 4 pJ + 4 writes x 6 pJ; 10 mW leakage.
        assertEntry(e, "scratchpad", 40, 10, 720);
        // No flit moved; one router (1x1 mesh) x 1 mW.
        assertEntry(e, "noc", 0, 1, 72);
        assertEquals(6, e.components().size());
        assertEquals(836, e.dynamicPj(), EPS);
        assertEquals(12.682, e.staticPowerMw(), EPS);
        assertEquals(913.104, e.staticPj(), EPS);
        assertEquals(1749.104, e.totalPj(), EPS);
        assertEquals(72, e.timeNs(), EPS);
    }

    @Test
    void anotherLibraryRepricesTheSameActivityWithoutSimulatingAgain() {
        Activity a = chain();
        ComponentLibrary base = TestDesigns.library();
        ComponentLibrary costlier = TestDesigns.libraryWith(ComponentEntries.adc(8, 1, 4.0, 0.2, 4.2, "test"),
                ComponentEntries.scratchpad(64, 1, 2, 4.0, 6.0, 20.0, 24.0, "test"));
        EnergyBreakdown first = Simulator.price(a, base);
        EnergyBreakdown second = Simulator.price(a, costlier);

        assertEntry(second, "adc", 1024, 1.6, 115.2);
        assertEntry(second, "scratchpad", 40, 20, 1440);
        assertEquals(1348, second.dynamicPj(), EPS);
        assertEquals(2981.104, second.totalPj(), EPS);
        assertEquals(first.timeNs(), second.timeNs(), EPS);
        assertEquals(72, a.cycles(), "pricing leaves the simulated activity as it was");
    }

    @Test
    void aLibraryLackingAnInstantiatedComponentIsNamed() {
        Activity a = chain();
        List<ComponentEntry> entries = new ArrayList<>(TestDesigns.entries());
        entries.removeIf(e -> e.componentClass().equals("adc"));
        entries.add(ComponentEntries.adc(10, 1, 4.0, 0.2, 4.2, "test"));
        ComponentLibrary noAdc8 = ComponentLibrary.of(entries);
        InvalidSimulationInputException e = assertThrows(InvalidSimulationInputException.class,
                () -> Simulator.price(a, noAdc8));
        assertEquals("accelerator.macros[0].adcs: component library: has no adc 8bit (it has: 10bit)",
                e.getMessage());
    }

    @Test
    void aLibrarySurvivesAJsonRoundTrip() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ComponentLibrary library = TestDesigns.library();
        assertEquals(library, json.readValue(json.writeValueAsString(library), ComponentLibrary.class));
    }

    @Test
    void nonPositiveLatenciesAndNegativeEnergiesAreRejected() {
        assertEquals("component library: adc 8bit: convert latency must be a positive number of ns, got 0.0",
                rejected(ComponentEntries.adc(8, 0, 1, 1, 2, "test")));
        assertEquals("component library: alu.relu unit: operate energy must be a non-negative number, got -1.0",
                rejected(ComponentEntries.alu(AluKind.RELU, 1, -1, 0, 0, "test")));
        assertEquals("component library: noc router: flitHop latency must be a positive number of ns, got -2.0",
                rejected(ComponentEntries.router(-2, 0, 0, 0, "test")));
        assertEquals("component library: dac 1bit: peak power must be a non-negative number, got -1.0",
                rejected(ComponentEntries.dac(1, 1, 1, 0, -1, "test")));
    }

    @Test
    void anEntryMustPriceExactlyTheActionsOfItsClass() {
        assertEquals("component library: scratchpad 64KB: prices [read] but class scratchpad has the actions "
                + "[read, write]", rejected(new ComponentEntry("scratchpad", "64KB",
                        List.of(new ActionCost("read", 1, 1)), 1, 1, "test")));
        assertEquals("component library: adc 8bit: prices action read, which class adc does not have; its actions "
                + "are [convert]", rejected(new ComponentEntry("adc", "8bit",
                        List.of(new ActionCost("read", 1, 1)), 1, 1, "test")));
        assertEquals("component library: regfile 1KB: class regfile is not declared; classes are [adc, "
                + "alu.add, alu.eltwise, alu.pool, alu.relu, alu.shiftAdd, alu.sigmoid, crossbar, dac, noc, "
                + "scratchpad]", rejected(new ComponentEntry("regfile", "1KB",
                        List.of(new ActionCost("access", 1, 1)), 1, 1, "test")));
    }

    private static String rejected(ComponentEntry entry) {
        return assertThrows(InvalidSimulationInputException.class, () -> TestDesigns.libraryWith(entry))
                .getMessage();
    }

    private static void assertEntry(EnergyBreakdown e, String name, double dynamicPj, double staticMw,
            double staticPj) {
        ComponentEnergy c = e.component(name);
        assertEquals(dynamicPj, c.dynamicPj(), EPS, name + " dynamic");
        assertEquals(staticMw, c.staticPowerMw(), EPS, name + " static power");
        assertEquals(staticPj, c.staticPj(), EPS, name + " static energy");
    }
}
