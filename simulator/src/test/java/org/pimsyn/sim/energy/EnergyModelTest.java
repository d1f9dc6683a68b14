package org.pimsyn.sim.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.TestDesigns;
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
        EnergyBreakdown e = EnergyModel.price(a, TestDesigns.library());

        // 4 crossbar reads x 5 pJ; 4 crossbars x 0.01 mW x 72 ns.
        assertEntry(e, "crossbar", 20, 0.04, 2.88);
        // 4 crossbars x 128 rows = 512 conversions x 0.5 pJ; 2 DACs x 0.001 mW.
        assertEntry(e, "dac", 256, 0.002, 0.144);
        // 256 conversions x 2 pJ; 8 ADCs x 0.2 mW.
        assertEntry(e, "adc", 512, 1.6, 115.2);
        // ceil(256 / 32) = 8 unit operations x 1 pJ; 2 units x 0.02 mW.
        assertEntry(e, "alu.shift_add", 8, 0.04, 2.88);
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
        ComponentLibrary costlier = new ComponentLibrary(base.crossbars(), base.dacs(),
                List.of(new AdcCost(8, 1, 4.0, 0.2)), base.alus(),
                List.of(new ScratchpadCost(64, 1, 2, 4.0, 6.0, 20.0)), base.noc());
        EnergyBreakdown first = EnergyModel.price(a, base);
        EnergyBreakdown second = EnergyModel.price(a, costlier);

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
        ComponentLibrary base = TestDesigns.library();
        ComponentLibrary noAdc8 = new ComponentLibrary(base.crossbars(), base.dacs(),
                List.of(new AdcCost(10, 1, 4.0, 0.2)), base.alus(), base.scratchpads(), base.noc());
        InvalidSimulationInputException e = assertThrows(InvalidSimulationInputException.class,
                () -> EnergyModel.price(a, noAdc8));
        assertEquals("accelerator.macros[0].adcs: component library: has no ADC of 8 bits (it has: 10)", e.getMessage());
    }

    @Test
    void aLibrarySurvivesAJsonRoundTrip() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ComponentLibrary library = TestDesigns.library();
        assertEquals(library, json.readValue(json.writeValueAsString(library), ComponentLibrary.class));
    }

    @Test
    void nonPositiveLatenciesAndNegativeEnergiesAreRejected() {
        ComponentLibrary base = TestDesigns.library();
        assertEquals("component library: ADC 8-bit: latency must be a positive number of ns, got 0.0",
                assertThrows(InvalidSimulationInputException.class, () -> new ComponentLibrary(base.crossbars(),
                        base.dacs(), List.of(new AdcCost(8, 0, 1, 1)), base.alus(), base.scratchpads(), base.noc()))
                        .getMessage());
        assertEquals("component library: ALU RELU: energy must be a non-negative number, got -1.0",
                assertThrows(InvalidSimulationInputException.class, () -> new ComponentLibrary(base.crossbars(),
                        base.dacs(), base.adcs(), List.of(new AluCost(AluKind.RELU, 1, -1, 0)), base.scratchpads(),
                        base.noc())).getMessage());
        assertEquals("component library: noc: latency must be a positive number of ns, got -2.0",
                assertThrows(InvalidSimulationInputException.class, () -> new ComponentLibrary(base.crossbars(),
                        base.dacs(), base.adcs(), base.alus(), base.scratchpads(), new NocCost(-2, 0, 0, 0)))
                        .getMessage());
    }

    private static void assertEntry(EnergyBreakdown e, String name, double dynamicPj, double staticMw,
            double staticPj) {
        ComponentEnergy c = e.component(name);
        assertEquals(dynamicPj, c.dynamicPj(), EPS, name + " dynamic");
        assertEquals(staticMw, c.staticPowerMw(), EPS, name + " static power");
        assertEquals(staticPj, c.staticPj(), EPS, name + " static energy");
    }
}
