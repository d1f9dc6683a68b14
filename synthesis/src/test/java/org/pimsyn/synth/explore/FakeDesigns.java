package org.pimsyn.synth.explore;

import java.util.ArrayList;
import java.util.List;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.AdcBank;
import org.pimsyn.sim.arch.AluUnits;
import org.pimsyn.sim.arch.CrossbarGroup;
import org.pimsyn.sim.arch.DacArray;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.arch.Noc;
import org.pimsyn.sim.arch.Scratchpad;
import org.pimsyn.sim.component.ComponentEntries;
import org.pimsyn.sim.component.ComponentEntry;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.hardware.AdcSpec;
import org.pimsyn.synth.hardware.AluSpec;
import org.pimsyn.synth.hardware.CrossbarSpec;
import org.pimsyn.synth.hardware.DacSpec;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.NocSpec;
import org.pimsyn.synth.hardware.ScratchpadSpec;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;

/**
 * Hand-built designs for tests of the exploration, the output files and the commands: every weight layer alone
 * in its own macro on a near-square mesh, with a given number of ADCs, two units of every ALU kind and the
 * library's largest scratchpad; the component library holds the entries such a design uses.
 */
public final class FakeDesigns {
    private static final String SOURCE = "the built-in library's figures, a hand-built test design";

    private FakeDesigns() {
    }

    public static ComponentLibrary componentLibrary(HardwareLibrary lib, DesignPoint point) {
        CrossbarSpec xb = lib.crossbar(point.xbSizeRows(), point.resRramBits());
        DacSpec dac = lib.dac(point.resDacBits());
        AdcSpec adc = lib.adc(point.adcBits()).orElseThrow();
        List<ComponentEntry> entries = new ArrayList<>();
        entries.add(ComponentEntries.crossbar(xb.sizeRows(), xb.cellBits(), xb.power().latencyNs(),
                xb.power().energyPerActionPj(), xb.power().staticPowerMw(), xb.power().peakPowerMw(), SOURCE));
        entries.add(ComponentEntries.dac(dac.resolutionBits(), dac.power().latencyNs(),
                dac.power().energyPerActionPj(), dac.power().staticPowerMw(), dac.power().peakPowerMw(), SOURCE));
        entries.add(ComponentEntries.adc(adc.resolutionBits(), adc.power().latencyNs(),
                adc.power().energyPerActionPj(), adc.power().staticPowerMw(), adc.power().peakPowerMw(), SOURCE));
        for (AluKind kind : AluKind.values()) {
            AluSpec alu = lib.alu(kind);
            entries.add(ComponentEntries.alu(kind, alu.power().latencyNs(), alu.power().energyPerActionPj(),
                    alu.power().staticPowerMw(), alu.power().peakPowerMw(), SOURCE));
        }
        ScratchpadSpec pad = largestScratchpad(lib);
        entries.add(ComponentEntries.scratchpad(pad.capacityKb(), pad.readLatencyNs(), pad.writeLatencyNs(),
                pad.readEnergyPj(), pad.writeEnergyPj(), pad.leakagePowerMw(), pad.leakagePowerMw(), SOURCE));
        NocSpec noc = lib.noc();
        entries.add(ComponentEntries.router(noc.hopLatencyNs(), noc.routerPowerMw() * noc.flitLatencyNs(),
                noc.routerPowerMw() / 10, noc.routerPowerMw(), SOURCE));
        entries.add(ComponentEntries.link(noc.flitLatencyNs(), noc.linkPowerMw() * noc.flitLatencyNs(), 0,
                noc.linkPowerMw(), SOURCE));
        return ComponentLibrary.of(entries);
    }

    /** One macro per weight layer (macro k holds weight layer k), row by row on a near-square mesh. */
    public static Accelerator oneMacroPerLayer(HardwareLibrary lib, DataflowSkeleton skeleton, DesignPoint point,
            int adcsPerMacro, double powerBudgetMw) {
        int k = skeleton.weightLayerCount();
        int cols = (int) Math.ceil(Math.sqrt(k));
        int rows = (k + cols - 1) / cols;
        ScratchpadSpec pad = largestScratchpad(lib);
        List<AluUnits> alus = new ArrayList<>();
        for (AluKind kind : AluKind.values()) {
            alus.add(new AluUnits(kind, 2, lib.alu(kind).vectorWidthElements()));
        }
        List<Macro> macros = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int m = 0; m < k; m++) {
            macros.add(new Macro(m / cols, m % cols, List.of(m),
                    List.of(new CrossbarGroup(m, skeleton.crossbarsOf(m), point.xbSizeRows(), point.resRramBits())),
                    new DacArray(point.xbSizeRows(), point.resDacBits()), new AdcBank(adcsPerMacro, point.adcBits()),
                    alus, new Scratchpad(pad.capacityKb(), pad.busWidthBits(), 1)));
            names.add(skeleton.network().layer(skeleton.weightLayerId(m)).name());
        }
        int flit = lib.noc().flitWidthBits();
        return new Accelerator(lib.clockGhz(), rows, cols, skeleton.spec().activationBits(), k, names, macros,
                new Noc(flit, flit), powerBudgetMw, skeleton.network().totalMacs());
    }

    private static ScratchpadSpec largestScratchpad(HardwareLibrary lib) {
        return lib.scratchpads().get(lib.scratchpads().size() - 1);
    }
}
