package org.pimsyn.synth.design;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pimsyn.sim.arch.Noc;
import org.pimsyn.sim.component.ComponentEntry;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.hardware.HardwareLibrary;

class ComponentLibrariesTest {
    private static final double EPS = 1e-12;
    private static final HardwareLibrary LIBRARY = HardwareLibrary.builtIn();
    private static final ComponentLibrary COSTS = ComponentLibraries.from(LIBRARY);

    @Test
    void everyLibraryEntryIsMapped() {
        assertEquals(9, count("crossbar"));
        assertEquals(10, count("adc"));
        assertEquals(3, count("dac"));
        assertEquals(6, COSTS.entries().stream().filter(e -> e.componentClass().startsWith("alu.")).count());
        assertEquals(7, COSTS.scratchpads().size());
        assertEquals(2, count("noc"));
        // The parts of the paper's Fig. 2 no timing rule reads, and the global buffer of the network's input.
        assertEquals(8, LIBRARY.otherComponents().size());
        assertEquals(9 + 10 + 3 + 6 + 7 + 2 + 8, COSTS.entries().size());
        assertEquals(java.util.List.of(), COSTS.notPriced());
    }

    @Test
    void everyEntryCarriesTheLibrarysSourceAndPeakPower() {
        assertEquals(LIBRARY.adc(9).orElseThrow().provenance().source(), COSTS.adc(9).source());
        assertEquals(2.25, COSTS.adc(9).peakPowerMw(), EPS);
        // 128 KB: 26.961 mW leakage + max(17.1005 / 0.710882, 17.536 / 0.710882) mW (256-bit accesses).
        assertEquals(26.961 + 17.536 / 0.710882, COSTS.scratchpad(128).peakPowerMw(), 1e-9);
        assertEquals(0.5833333, COSTS.link().peakPowerMw(), EPS);
    }

    private static long count(String componentClass) {
        return COSTS.entries().stream().filter(e -> e.componentClass().equals(componentClass)).count();
    }

    @Test
    void crossbarEnergyIsDynamicPowerTimesReadLatency() {
        // 256x256 2-bit: 1.08 mW dynamic x 100 ns = 108 pJ per read; 0.12 mW static.
        ComponentEntry xb = COSTS.crossbar(256, 2);
        assertEquals(100, xb.latencyNs("read"), EPS);
        assertEquals(108, xb.energyPj("read"), 1e-9);
        assertEquals(0.12, xb.staticPowerMw(), EPS);
    }

    @Test
    void convertersKeepTheirLatencyAndDerivedEnergy() {
        // 9-bit ADC: 2 mW x 1 ns = 2 pJ; 7-bit ADC: 4.2 mW x 0.5 ns = 2.1 pJ; 1-bit DAC: 0.0031 mW x 3 ns.
        ComponentEntry adc9 = COSTS.adc(9);
        assertEquals(1, adc9.latencyNs("convert"), EPS);
        assertEquals(2, adc9.energyPj("convert"), EPS);
        assertEquals(0.25, adc9.staticPowerMw(), EPS);
        assertEquals(0.5, COSTS.adc(7).latencyNs("convert"), EPS);
        assertEquals(2.1, COSTS.adc(7).energyPj("convert"), 1e-12);
        ComponentEntry dac1 = COSTS.dac(1);
        assertEquals(3, dac1.latencyNs("convert"), EPS);
        assertEquals(0.0093, dac1.energyPj("convert"), 1e-15);
        assertEquals(0.0008, dac1.staticPowerMw(), EPS);
    }

    @Test
    void everyAluKindIsPricedFromItsLibraryEntry() {
        // add: 0.08 mW x 10 ns = 0.8 pJ; pool: 0.08 mW x 200 ns = 16 pJ.
        ComponentEntry add = COSTS.alu(AluKind.ADD);
        assertEquals(10, add.latencyNs("operate"), EPS);
        assertEquals(0.8, add.energyPj("operate"), 1e-12);
        assertEquals(0.02, add.staticPowerMw(), EPS);
        assertEquals(16, COSTS.alu(AluKind.POOL).energyPj("operate"), 1e-12);
        assertEquals(4, COSTS.alu(AluKind.SHIFT_ADD).latencyNs("operate"), EPS);
        for (AluKind kind : AluKind.values()) {
            assertEquals(LIBRARY.alu(kind).power().latencyNs(), COSTS.alu(kind).latencyNs("operate"), EPS);
        }
    }

    @Test
    void scratchpadsKeepAccessFiguresAndLeakage() {
        ComponentEntry s = COSTS.scratchpad(128);
        assertEquals(0.710882, s.latencyNs("read"), EPS);
        assertEquals(0.710882, s.latencyNs("write"), EPS);
        // The original tool's 1,024-bit access energies (68.402 and 70.144 pJ) for a 256-bit bus: a quarter.
        assertEquals(68.402 / 4, s.energyPj("read"), 1e-12);
        assertEquals(70.144 / 4, s.energyPj("write"), 1e-12);
        assertEquals(26.961, s.staticPowerMw(), EPS);
    }

    @Test
    void routersAndLinksLeakAndChargeEachFlitTheRest() {
        // Router: 0.8316832 mW leakage, 2.5925 pJ per flit and hop, 42 mW peak; a flit over a link: the link power
        // above its 0.0833333 mW leakage over 1 ns, (0.5833333 - 0.0833333) x 1 = 0.5 pJ.
        assertEquals(1, COSTS.router().latencyNs("flitHop"), EPS);
        assertEquals(2.5925, COSTS.router().energyPj("flitHop"), EPS);
        assertEquals(0.8316832, COSTS.router().staticPowerMw(), EPS);
        assertEquals(42, COSTS.router().peakPowerMw(), EPS);
        assertEquals(0.5, COSTS.link().energyPj("flitHop"), 1e-12);
        assertEquals(0.0833333, COSTS.link().staticPowerMw(), EPS);
        assertEquals(0.5833333, COSTS.link().peakPowerMw(), EPS);
    }

    @Test
    void aNocWithoutTheSplitKeepsItsRoutersStaticAndItsLinksWithoutLeakageAndSaysSo() {
        // A library written before the split: the router's power all static, a flit free in it, links not leaking.
        org.pimsyn.synth.hardware.NocSpec n = LIBRARY.noc();
        org.pimsyn.synth.hardware.NocSpec old = new org.pimsyn.synth.hardware.NocSpec(n.flitWidthBits(), n.ports(),
                n.routerPowerMw(), n.linkPowerMw(), n.hopLatencyNs(), n.flitLatencyNs(), n.provenance(),
                n.routerArea(), n.linkArea());
        HardwareLibrary l = LIBRARY;
        ComponentLibrary costs = ComponentLibraries.from(new HardwareLibrary(l.origin(), l.clockGhz(),
                l.clockProvenance(), l.precision(), l.crossbars(), l.adcs(), l.dacs(), l.alus(), l.scratchpads(), old,
                l.search()));
        assertEquals(0, costs.router().energyPj("flitHop"), EPS);
        assertEquals(42, costs.router().staticPowerMw(), EPS);
        assertEquals(0.5833333, costs.link().energyPj("flitHop"), EPS);
        assertEquals(0, costs.link().staticPowerMw(), EPS);
        assertEquals(10, costs.notPriced().size(), costs.notPriced().toString());
        assertEquals("noc router: no dynamic energy per flit-hop (its power is charged as static)",
                costs.notPriced().get(8));
        assertEquals("noc link: no leakage (static power 0)", costs.notPriced().get(9));
        assertEquals("the network's input: no component holds it (none counts an action per INPUT_BIT)",
                costs.notPriced().get(7));
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
