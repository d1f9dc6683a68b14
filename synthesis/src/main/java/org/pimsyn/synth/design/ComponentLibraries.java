package org.pimsyn.synth.design;

import java.util.ArrayList;
import java.util.List;
import org.pimsyn.sim.arch.Noc;
import org.pimsyn.sim.component.ComponentArea;
import org.pimsyn.sim.component.ComponentClass;
import org.pimsyn.sim.component.ComponentEntries;
import org.pimsyn.sim.component.ComponentEntry;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.synth.hardware.AdcSpec;
import org.pimsyn.synth.hardware.AluSpec;
import org.pimsyn.synth.hardware.AreaSpec;
import org.pimsyn.synth.hardware.ComponentPower;
import org.pimsyn.synth.hardware.CrossbarSpec;
import org.pimsyn.synth.hardware.DacSpec;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.NocSpec;
import org.pimsyn.synth.hardware.OtherComponentSpec;
import org.pimsyn.synth.hardware.ScratchpadSpec;

/**
 * The simulator's view of a hardware library: every crossbar, DAC, ADC, ALU kind and scratchpad of the library,
 * and its NoC's router and link, as {@link ComponentLibrary} entries with the library's sources.
 *
 * <ul>
 * <li>Crossbar, DAC, ADC, ALU: the action's latency = the library's latency, its energy = the library's energy per
 * action (given, or dynamic power x latency); static and peak power as given.</li>
 * <li>Scratchpad: read and write latency and energy per bus-wide access, leakage as static power; peak power is
 * leakage plus one access per latency, the costlier of read and write ({@link PeakPowerModel}).</li>
 * <li>Other components ({@link HardwareLibrary#otherComponents()}): their classes and entries as the library
 * gives them.</li>
 * <li>NoC: a router's peak power is the library's router power; where the library splits it
 * ({@code routerStaticPowerMw}, {@code routerEnergyPerFlitPj}) a router leaks its static power and a flit costs its
 * energy per hop, otherwise the whole power is static (as the original tool charges its network as constant power)
 * and a flit costs 0 in the router. A hop takes the hop latency. A link leaks {@code linkStaticPowerMw} (0 where
 * absent) and a flit crossing it costs the rest of the link power for the flit latency, so a busy link draws the
 * link power, which also counts in the power budget as its peak.</li>
 * </ul>
 * Every entry whose library figure has an area ({@code areaMm2}) gets it in the table's areas, with its source.
 */
public final class ComponentLibraries {
    private ComponentLibraries() {
    }

    /** All entries of the library, in the library's order. */
    public static ComponentLibrary from(HardwareLibrary library) {
        List<ComponentEntry> entries = new ArrayList<>();
        List<ComponentArea> areas = new ArrayList<>();
        for (CrossbarSpec xb : library.crossbars()) {
            ComponentPower p = xb.power();
            add(entries, areas, ComponentEntries.crossbar(xb.sizeRows(), xb.cellBits(), p.latencyNs(),
                    p.energyPerActionPj(), p.staticPowerMw(), p.peakPowerMw(), xb.provenance().source()), xb.area());
        }
        for (DacSpec dac : library.dacs()) {
            ComponentPower p = dac.power();
            add(entries, areas, ComponentEntries.dac(dac.resolutionBits(), p.latencyNs(), p.energyPerActionPj(),
                    p.staticPowerMw(), p.peakPowerMw(), dac.provenance().source()), dac.area());
        }
        for (AdcSpec adc : library.adcs()) {
            ComponentPower p = adc.power();
            add(entries, areas, ComponentEntries.adc(adc.resolutionBits(), p.latencyNs(), p.energyPerActionPj(),
                    p.staticPowerMw(), p.peakPowerMw(), adc.provenance().source()), adc.area());
        }
        for (AluSpec alu : library.alus()) {
            ComponentPower p = alu.power();
            add(entries, areas, ComponentEntries.alu(alu.kind(), p.latencyNs(), p.energyPerActionPj(),
                    p.staticPowerMw(), p.peakPowerMw(), alu.provenance().source()), alu.area());
        }
        for (ScratchpadSpec s : library.scratchpads()) {
            add(entries, areas, ComponentEntries.scratchpad(s.capacityKb(), s.readLatencyNs(), s.writeLatencyNs(),
                    s.readEnergyPj(), s.writeEnergyPj(), s.leakagePowerMw(), PeakPowerModel.scratchpadPeakMw(s),
                    s.provenance().source()), s.area());
        }
        NocSpec noc = library.noc();
        add(entries, areas, ComponentEntries.router(noc.hopLatencyNs(), noc.routerFlitPj(), noc.routerStaticMw(),
                noc.routerPowerMw(), noc.provenance().source()), noc.routerArea());
        add(entries, areas, ComponentEntries.link(noc.flitLatencyNs(), noc.linkFlitPj(), noc.linkStaticMw(),
                noc.linkPowerMw(), noc.provenance().source()), noc.linkArea());
        List<ComponentClass> classes = new ArrayList<>();
        for (OtherComponentSpec other : library.otherComponents()) {
            classes.add(other.componentClass());
            add(entries, areas, other.entry(), other.area());
        }
        return new ComponentLibrary(classes, entries, areas);
    }

    private static void add(List<ComponentEntry> entries, List<ComponentArea> areas, ComponentEntry entry,
            AreaSpec area) {
        entries.add(entry);
        if (area != null) {
            areas.add(new ComponentArea(entry.componentClass(), entry.variant(), area.areaMm2(), area.source()));
        }
    }

    /**
     * The simulator's mesh network for a library: its flit width, and a link width such that a flit takes at
     * least the library's flit latency at the library's clock: floor(flit width / (flit latency x clock)) bits
     * per cycle, at least 1 (the simulator moves whole cycles, so a 1 ns flit at 1.2 GHz takes 2 cycles).
     */
    public static Noc noc(HardwareLibrary library) {
        NocSpec noc = library.noc();
        double cyclesPerFlit = noc.flitLatencyNs() * library.clockGhz();
        int linkBits = (int) Math.max(1, Math.floor(noc.flitWidthBits() / cyclesPerFlit * (1 + 1e-12)));
        return new Noc(noc.flitWidthBits(), Math.min(linkBits, noc.flitWidthBits()));
    }
}
