package org.pimsyn.synth.design;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pimsyn.sim.arch.Noc;
import org.pimsyn.sim.energy.AdcCost;
import org.pimsyn.sim.energy.AluCost;
import org.pimsyn.sim.energy.ComponentLibrary;
import org.pimsyn.sim.energy.CrossbarCost;
import org.pimsyn.sim.energy.DacCost;
import org.pimsyn.sim.energy.NocCost;
import org.pimsyn.sim.energy.ScratchpadCost;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.hardware.HardwareLibrary;

class ComponentLibrariesTest {
    private static final double EPS = 1e-12;
    private static final HardwareLibrary LIBRARY = HardwareLibrary.builtIn();
    private static final ComponentLibrary COSTS = ComponentLibraries.from(LIBRARY);

    @Test
    void everyLibraryEntryIsMapped() {
        assertEquals(9, COSTS.crossbars().size());
        assertEquals(10, COSTS.adcs().size());
        assertEquals(3, COSTS.dacs().size());
        assertEquals(6, COSTS.alus().size());
        assertEquals(7, COSTS.scratchpads().size());
    }

    @Test
    void crossbarEnergyIsDynamicPowerTimesReadLatency() {
        // 256x256 2-bit: 1.08 mW dynamic x 100 ns = 108 pJ per read; 0.12 mW static.
        CrossbarCost xb = COSTS.crossbar(256, 2);
        assertEquals(100, xb.readLatencyNs(), EPS);
        assertEquals(108, xb.readEnergyPj(), 1e-9);
        assertEquals(0.12, xb.staticPowerMw(), EPS);
    }

    @Test
    void convertersKeepTheirLatencyAndDerivedEnergy() {
        // 9-bit ADC: 2 mW x 1 ns = 2 pJ; 7-bit ADC: 4.2 mW x 0.5 ns = 2.1 pJ; 1-bit DAC: 0.0031 mW x 3 ns.
        AdcCost adc9 = COSTS.adc(9);
        assertEquals(1, adc9.latencyNs(), EPS);
        assertEquals(2, adc9.energyPj(), EPS);
        assertEquals(0.25, adc9.staticPowerMw(), EPS);
        assertEquals(0.5, COSTS.adc(7).latencyNs(), EPS);
        assertEquals(2.1, COSTS.adc(7).energyPj(), 1e-12);
        DacCost dac1 = COSTS.dac(1);
        assertEquals(3, dac1.latencyNs(), EPS);
        assertEquals(0.0093, dac1.energyPj(), 1e-15);
        assertEquals(0.0008, dac1.staticPowerMw(), EPS);
    }

    @Test
    void aluKindsMapOntoTheSimulatorsKinds() {
        // adder -> ADD: 0.08 mW x 10 ns = 0.8 pJ; pooling -> POOL: 0.08 mW x 200 ns = 16 pJ.
        AluCost add = COSTS.alu(AluKind.ADD);
        assertEquals(10, add.latencyNs(), EPS);
        assertEquals(0.8, add.energyPj(), 1e-12);
        assertEquals(0.02, add.staticPowerMw(), EPS);
        assertEquals(16, COSTS.alu(AluKind.POOL).energyPj(), 1e-12);
        assertEquals(4, COSTS.alu(AluKind.SHIFT_ADD).latencyNs(), EPS);
        for (org.pimsyn.synth.hardware.AluKind kind : org.pimsyn.synth.hardware.AluKind.values()) {
            assertEquals(kind, ComponentLibraries.libraryKind(ComponentLibraries.simKind(kind)));
        }
    }

    @Test
    void scratchpadsKeepAccessFiguresAndLeakage() {
        ScratchpadCost s = COSTS.scratchpad(128);
        assertEquals(0.710882, s.readLatencyNs(), EPS);
        assertEquals(0.710882, s.writeLatencyNs(), EPS);
        assertEquals(68.402, s.readEnergyPj(), EPS);
        assertEquals(70.144, s.writeEnergyPj(), EPS);
        assertEquals(26.961, s.leakagePowerMw(), EPS);
    }

    @Test
    void routersAreStaticAndLinksCostTheirPowerOverOneFlit() {
        // Router 42 mW all the time; a flit over a link: 0.5833333 mW x 1 ns.
        NocCost noc = COSTS.noc();
        assertEquals(1, noc.hopLatencyNs(), EPS);
        assertEquals(0, noc.routerEnergyPj(), EPS);
        assertEquals(0.5833333, noc.linkEnergyPj(), EPS);
        assertEquals(42, noc.routerStaticPowerMw(), EPS);
    }

    @Test
    void linkWidthMakesAFlitTakeAtLeastItsLatency() {
        // 32-bit flits of 1 ns at 1.2 GHz: floor(32 / 1.2) = 26 bits per cycle, so a flit takes 2 cycles.
        Noc noc = ComponentLibraries.noc(LIBRARY);
        assertEquals(32, noc.flitWidthBits());
        assertEquals(26, noc.linkWidthBits());
        assertEquals(2, noc.cyclesPerFlit());
        // At 1 GHz a 1 ns flit takes exactly one cycle; at 0.5 GHz it is still one (never wider than the flit).
        assertEquals(32, ComponentLibraries.noc(withClock(1.0)).linkWidthBits());
        assertEquals(32, ComponentLibraries.noc(withClock(0.5)).linkWidthBits());
        assertEquals(8, ComponentLibraries.noc(withClock(4.0)).linkWidthBits());
    }

    private static HardwareLibrary withClock(double ghz) {
        HardwareLibrary l = LIBRARY;
        return new HardwareLibrary(l.origin(), ghz, l.clockProvenance(), l.precision(), l.crossbars(), l.adcs(),
                l.dacs(), l.alus(), l.scratchpads(), l.noc(), l.search());
    }
}
