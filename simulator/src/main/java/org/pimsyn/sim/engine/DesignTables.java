package org.pimsyn.sim.engine;

import java.util.Arrays;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.AluUnits;
import org.pimsyn.sim.arch.CrossbarGroup;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.component.ComponentClass;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.timing.TimingRules;

/**
 * Per-design lookup tables in cycles, indexed by macro (and layer or ALU kind), plus the design's fixed
 * resources. Every latency is converted once, by {@link TimingRules}.
 */
final class DesignTables {
    static final int NONE = -1;
    static final int ALU_KINDS = AluKind.COUNT;

    final Accelerator accelerator;
    final ComponentLibrary library;
    final int macros;
    final int layers;
    final ResourceTable resources;
    /** Resource of (macro, layer)'s crossbar set, at [macro * layers + layer]; NONE where absent. */
    final int[] crossbarResource;
    /** Per resource id (crossbar sets only): MVM cycles, crossbars held, rows per crossbar, set number. */
    final int[] mvmCycles;
    final int[] crossbarSet;
    final int[] crossbarCount;
    final int[] crossbarRows;
    final int[] dacCount;
    final int[] adcResource;
    final int[] adcCount;
    final long[] adcCycles;
    /** At [macro * ALU_KINDS + kind]. */
    final int[] aluResource;
    final int[] aluLanes;
    final int[] aluVectorWidth;
    final long[] aluCycles;
    final int[] scratchpadResource;
    final int[] busWidthBits;
    final long[] readCycles;
    final long[] writeCycles;
    /** Mesh position (row * cols + col) of each macro. */
    final int[] position;
    final long hopCycles;
    final int cyclesPerFlit;
    final int flitWidthBits;
    final int dataBits;
    final int crossbarSets;

    DesignTables(Accelerator acc, ComponentLibrary library) {
        this.accelerator = acc;
        this.library = library;
        this.macros = acc.macros().size();
        this.layers = acc.layerCount();
        this.resources = new ResourceTable(acc.meshCols());
        crossbarResource = new int[macros * layers];
        Arrays.fill(crossbarResource, NONE);
        dacCount = new int[macros];
        adcResource = new int[macros];
        adcCount = new int[macros];
        adcCycles = new long[macros];
        aluResource = new int[macros * ALU_KINDS];
        Arrays.fill(aluResource, NONE);
        aluLanes = new int[macros * ALU_KINDS];
        aluVectorWidth = new int[macros * ALU_KINDS];
        aluCycles = new long[ALU_KINDS];
        scratchpadResource = new int[macros];
        busWidthBits = new int[macros];
        readCycles = new long[macros];
        writeCycles = new long[macros];
        position = new int[macros];
        int resourceGuess = 0;
        for (Macro m : acc.macros()) {
            resourceGuess += m.crossbars().size();
        }
        mvmCycles = new int[resourceGuess + macros * (ALU_KINDS + 2)];
        crossbarCount = new int[mvmCycles.length];
        crossbarRows = new int[mvmCycles.length];
        crossbarSet = new int[mvmCycles.length];
        crossbarSets = resourceGuess;
        for (AluKind kind : AluKind.values()) {
            boolean used = false;
            for (Macro m : acc.macros()) {
                used |= m.alusOf(kind) != null;
            }
            if (used) {
                String at = "ALU units of kind " + kind;
                aluCycles[kind.ordinal()] = acc.cyclesOf(ComponentLibrary.forComponent(at, () -> library.alu(kind))
                        .latencyNs(ComponentClass.OPERATE));
            }
        }
        int set = 0;
        for (int m = 0; m < macros; m++) {
            Macro macro = acc.macros().get(m);
            position[m] = macro.row() * acc.meshCols() + macro.col();
            dacCount[m] = macro.dacs().count();
            double dacNs = macro.dacs().count() == 0 ? 0 : ComponentLibrary.forComponent(m, "dacs",
                    () -> library.dac(macro.dacs().resolutionBits())).latencyNs(ComponentClass.CONVERT);
            for (CrossbarGroup group : macro.crossbars()) {
                double readNs = ComponentLibrary.forComponent(m, "crossbars",
                        () -> library.crossbar(group.size(), group.cellBits())).latencyNs(ComponentClass.READ);
                int r = resources.add(ResourceKind.CROSSBARS, m, group.layer(), null, 1);
                crossbarResource[m * layers + group.layer()] = r;
                // Numbered as ComponentInventory numbers crossbar sets: macro by macro, in each macro's group order.
                crossbarSet[r] = set++;
                mvmCycles[r] = toInt(TimingRules.mvmCycles(dacNs, readNs, acc.clockGhz()), m, "crossbars");
                crossbarCount[r] = group.count();
                crossbarRows[r] = group.size();
            }
            if (macro.adcs().count() > 0) {
                adcResource[m] = resources.add(ResourceKind.ADC_BANK, m, NONE, null, 1);
                adcCount[m] = macro.adcs().count();
                adcCycles[m] = acc.cyclesOf(ComponentLibrary.forComponent(m, "adcs",
                        () -> library.adc(macro.adcs().resolutionBits())).latencyNs(ComponentClass.CONVERT));
            } else {
                adcResource[m] = NONE;
            }
            for (AluKind kind : AluKind.values()) {
                AluUnits units = macro.alusOf(kind);
                if (units != null) {
                    int slot = m * ALU_KINDS + kind.ordinal();
                    aluResource[slot] = resources.add(ResourceKind.ALU, m, NONE, kind, 1);
                    aluLanes[slot] = Math.multiplyExact(units.count(), units.vectorWidth());
                    aluVectorWidth[slot] = units.vectorWidth();
                }
            }
            var spm = macro.scratchpad();
            var spmCost = ComponentLibrary.forComponent(m, "scratchpad", () -> library.scratchpad(spm.capacityKb()));
            scratchpadResource[m] = resources.add(ResourceKind.SCRATCHPAD, m, NONE, null, spm.ports());
            busWidthBits[m] = spm.busWidthBits();
            readCycles[m] = acc.cyclesOf(spmCost.latencyNs(ComponentClass.READ));
            writeCycles[m] = acc.cyclesOf(spmCost.latencyNs(ComponentClass.WRITE));
            for (int c = 0; c < macro.otherComponents().size(); c++) {
                var other = macro.otherComponents().get(c);
                if (other.count() > 0) {
                    ComponentLibrary.forComponent(m, "otherComponents[" + c + "]",
                            () -> library.entry(other.componentClass(), other.variant()));
                }
            }
        }
        hopCycles = acc.cyclesOf(ComponentLibrary.forComponent("accelerator.noc", library::router)
                .latencyNs(ComponentClass.FLIT_HOP));
        cyclesPerFlit = acc.noc().cyclesPerFlit();
        flitWidthBits = acc.noc().flitWidthBits();
        dataBits = acc.dataBits();
    }

    private static int toInt(long cycles, int macro, String part) {
        if (cycles > Integer.MAX_VALUE) {
            throw new InvalidSimulationInputException(ComponentLibrary.macroPart(macro, part) + " MVM latency of "
                    + cycles + " cycles is too long");
        }
        return (int) cycles;
    }
}
