package org.pimsyn.synth.design;

import java.util.ArrayList;
import java.util.List;
import org.pimsyn.sim.arch.Noc;
import org.pimsyn.sim.energy.AdcCost;
import org.pimsyn.sim.energy.AluCost;
import org.pimsyn.sim.energy.ComponentLibrary;
import org.pimsyn.sim.energy.CrossbarCost;
import org.pimsyn.sim.energy.DacCost;
import org.pimsyn.sim.energy.NocCost;
import org.pimsyn.sim.energy.ScratchpadCost;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.hardware.AdcSpec;
import org.pimsyn.synth.hardware.AluSpec;
import org.pimsyn.synth.hardware.ComponentPower;
import org.pimsyn.synth.hardware.CrossbarSpec;
import org.pimsyn.synth.hardware.DacSpec;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.NocSpec;
import org.pimsyn.synth.hardware.ScratchpadSpec;

/**
 * The simulator's view of a hardware library: every crossbar, DAC, ADC, ALU kind and scratchpad of the library,
 * and its NoC, as {@link ComponentLibrary} cost entries.
 *
 * <ul>
 * <li>Crossbar, DAC, ADC, ALU: latency = the library's latency, energy per action = its energy per action
 * (given, or dynamic power x latency), static power = its static power.</li>
 * <li>Scratchpad: read and write latency and energy per bus-wide access, leakage as static power.</li>
 * <li>NoC: hop latency as given; a router draws its power all the time (static), as the original tool charges
 * its network as constant power; a flit crossing a link costs link power x flit latency, so a busy link draws
 * the link power; the router's own energy per flit is 0, being inside its static power.</li>
 * </ul>
 */
public final class ComponentLibraries {
    private ComponentLibraries() {
    }

    /** All entries of the library, in the library's order. */
    public static ComponentLibrary from(HardwareLibrary library) {
        List<CrossbarCost> crossbars = new ArrayList<>();
        for (CrossbarSpec xb : library.crossbars()) {
            ComponentPower p = xb.power();
            crossbars.add(new CrossbarCost(xb.sizeRows(), xb.cellBits(), p.latencyNs(), p.energyPerActionPj(),
                    p.staticPowerMw()));
        }
        List<DacCost> dacs = new ArrayList<>();
        for (DacSpec dac : library.dacs()) {
            ComponentPower p = dac.power();
            dacs.add(new DacCost(dac.resolutionBits(), p.latencyNs(), p.energyPerActionPj(), p.staticPowerMw()));
        }
        List<AdcCost> adcs = new ArrayList<>();
        for (AdcSpec adc : library.adcs()) {
            ComponentPower p = adc.power();
            adcs.add(new AdcCost(adc.resolutionBits(), p.latencyNs(), p.energyPerActionPj(), p.staticPowerMw()));
        }
        List<AluCost> alus = new ArrayList<>();
        for (AluSpec alu : library.alus()) {
            ComponentPower p = alu.power();
            alus.add(new AluCost(simKind(alu.kind()), p.latencyNs(), p.energyPerActionPj(), p.staticPowerMw()));
        }
        List<ScratchpadCost> scratchpads = new ArrayList<>();
        for (ScratchpadSpec s : library.scratchpads()) {
            scratchpads.add(new ScratchpadCost(s.capacityKb(), s.readLatencyNs(), s.writeLatencyNs(),
                    s.readEnergyPj(), s.writeEnergyPj(), s.leakagePowerMw()));
        }
        NocSpec noc = library.noc();
        NocCost nocCost = new NocCost(noc.hopLatencyNs(), 0, noc.linkPowerMw() * noc.flitLatencyNs(),
                noc.routerPowerMw());
        return new ComponentLibrary(crossbars, dacs, adcs, alus, scratchpads, nocCost);
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

    /** The simulator's ALU kind of a library ALU kind. */
    public static AluKind simKind(org.pimsyn.synth.hardware.AluKind kind) {
        return switch (kind) {
            case SHIFT_ADD -> AluKind.SHIFT_ADD;
            case ADDER -> AluKind.ADD;
            case POOLING -> AluKind.POOL;
            case RELU -> AluKind.RELU;
            case SIGMOID -> AluKind.SIGMOID;
            case ELTWISE -> AluKind.ELTWISE;
        };
    }

    /** The library ALU kind of a simulator ALU kind. */
    public static org.pimsyn.synth.hardware.AluKind libraryKind(AluKind kind) {
        return switch (kind) {
            case SHIFT_ADD -> org.pimsyn.synth.hardware.AluKind.SHIFT_ADD;
            case ADD -> org.pimsyn.synth.hardware.AluKind.ADDER;
            case POOL -> org.pimsyn.synth.hardware.AluKind.POOLING;
            case RELU -> org.pimsyn.synth.hardware.AluKind.RELU;
            case SIGMOID -> org.pimsyn.synth.hardware.AluKind.SIGMOID;
            case ELTWISE -> org.pimsyn.synth.hardware.AluKind.ELTWISE;
        };
    }
}
