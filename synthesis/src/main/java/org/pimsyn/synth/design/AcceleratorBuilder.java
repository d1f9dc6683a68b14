package org.pimsyn.synth.design;

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
import org.pimsyn.sim.component.ComponentInstance;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.OtherComponentSpec;
import org.pimsyn.synth.hardware.ScratchpadSpec;
import org.pimsyn.synth.stage.allocation.PeripheralUnits;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.partition.MacroLayout;

/**
 * Makes the simulator's {@link Accelerator} of a laid-out design: per macro its crossbars of each layer it serves,
 * one DAC per crossbar row, its ADC bank and ALU units (indexed as {@link PeripheralUnits} indexes them), its
 * scratchpad and the library's other components (every macro's, and the chip's own in the first macro); the mesh
 * and the library's NoC. The one place where an accelerator is assembled: the search's {@link DesignEvaluator}
 * and the conversion of the original tool's designs both build theirs here.
 *
 * <p>Immutable; built once per design point and skeleton.
 */
public final class AcceleratorBuilder {
    private static final int KINDS = PeripheralUnits.COUNT;

    private final HardwareLibrary library;
    private final DesignPoint point;
    private final DataflowSkeleton skeleton;
    private final double totalPowerMw;
    private final List<String> layerNames;
    private final Noc noc;
    private final List<OtherComponentSpec> others;

    /**
     * @param totalPowerMw the power budget the accelerator is checked against
     */
    public AcceleratorBuilder(HardwareLibrary library, DesignPoint point, DataflowSkeleton skeleton,
            double totalPowerMw) {
        this.library = library;
        this.point = point;
        this.skeleton = skeleton;
        this.totalPowerMw = totalPowerMw;
        this.others = library.otherComponents();
        int k = skeleton.weightLayerCount();
        List<String> names = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            names.add(skeleton.network().layer(skeleton.weightLayerId(i)).name());
        }
        this.layerNames = List.copyOf(names);
        this.noc = ComponentLibraries.noc(library);
    }

    /**
     * The accelerator of a layout.
     *
     * @param units       per macro its units of each peripheral component, [macro][component]
     * @param scratchpads per macro the library index of its scratchpad
     */
    public Accelerator build(MacroLayout layout, int[][] units, int[] scratchpads) {
        int xbSize = point.xbSizeRows();
        int cellBits = point.resRramBits();
        List<Macro> macros = new ArrayList<>(layout.macroCount());
        for (int m = 0; m < layout.macroCount(); m++) {
            List<Integer> served = layout.layersOf(m);
            List<CrossbarGroup> groups = new ArrayList<>(served.size());
            int held = 0;
            for (int k : served) {
                int count = layout.crossbarsIn(m, k);
                groups.add(new CrossbarGroup(k, count, xbSize, cellBits));
                held += count;
            }
            List<AluUnits> alus = new ArrayList<>(KINDS - 1);
            for (int c = 0; c < KINDS; c++) {
                AluKind kind = PeripheralUnits.aluKind(c);
                if (kind != null && units[m][c] > 0) {
                    alus.add(new AluUnits(kind, units[m][c], library.alu(kind).vectorWidthElements()));
                }
            }
            ScratchpadSpec spm = library.scratchpads().get(scratchpads[m]);
            macros.add(new Macro(layout.row(m), layout.col(m), served, groups,
                    new DacArray(held * xbSize, point.resDacBits()),
                    new AdcBank(units[m][PeripheralUnits.ADC], point.adcBits()), alus,
                    new Scratchpad(spm.capacityKb(), spm.busWidthBits(), 1),
                    otherComponents(m, held, xbSize)));
        }
        return new Accelerator(library.clockGhz(), layout.meshRows(), layout.meshCols(),
                skeleton.spec().activationBits(), skeleton.weightLayerCount(), layerNames, macros, noc,
                totalPowerMw, skeleton.network().totalMacs());
    }

    /**
     * The library's other components in macro {@code m} of {@code crossbars} crossbars: those of every macro and
     * those that follow its crossbars, in library order, then in the first macro the chip's own.
     */
    private List<ComponentInstance> otherComponents(int m, long crossbars, int xbSize) {
        return otherComponents(others, m == 0, crossbars, xbSize);
    }

    /**
     * The library's other components in a macro of {@code crossbars} crossbars of {@code xbSize} rows: those of
     * every macro and those that follow its crossbars (per crossbar, row or column), in library order, then, in the
     * first macro, the chip's own.
     */
    public static List<ComponentInstance> otherComponents(List<OtherComponentSpec> others, boolean firstMacro,
            long crossbars, int xbSize) {
        List<ComponentInstance> out = new ArrayList<>(others.size());
        for (OtherComponentSpec o : others) {
            if (o.placement() != OtherComponentSpec.Placement.CHIP) {
                out.add(o.inMacro(crossbars, xbSize));
            }
        }
        if (firstMacro) {
            for (OtherComponentSpec o : others) {
                if (o.placement() == OtherComponentSpec.Placement.CHIP) {
                    out.add(o.perChipInstance());
                }
            }
        }
        return out;
    }
}
