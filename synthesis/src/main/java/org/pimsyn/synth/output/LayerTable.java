package org.pimsyn.synth.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.AluUnits;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.component.ComponentClass;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.dataflow.LayerPlacement;
import org.pimsyn.synth.stage.dataflow.Placement;

/**
 * A design layer by layer, as the original PIMSYN tool reported it (under the names the rest of pimsyn uses for
 * the same things): one row per weight layer (duplication, macros,
 * the layer it shares macros with, crossbars per macro, ADC, shift-add and adder units per macro) and one per
 * layer with ALU work of its own (pooling, activation, element-wise), which runs in its owner's blocks and takes
 * the owner's duplication and that ALU kind's units in the owner's home macro. Layers that only reshape data have
 * no row.
 *
 * @param scratchpadKb the largest scratchpad of any macro
 */
public record LayerTable(int meshRows, int meshCols, int scratchpadKb, List<Row> rows) {
    private static final String ADC = ComponentClass.ADC;
    /** Component names, in table order: the ADC, then every ALU kind by its {@link AluKind#label()}. */
    public static final List<String> COMPONENTS = components();

    public LayerTable {
        rows = List.copyOf(rows);
    }

    /**
     * One layer of the table.
     *
     * @param weightLayer        whether the layer holds weights; the macro fields are meaningful only then
     * @param macros             macros the layer's crossbars occupy
     * @param sharesMacrosWith   names of the other layers in those macros
     * @param macroSizeCrossbars the most crossbars of the layer in any one of its macros
     * @param components         units per macro by component name (see {@link #COMPONENTS}); the largest count
     *                           among the layer's macros for a weight layer
     */
    public record Row(String name, boolean weightLayer, int duplication, int macros, List<String> sharesMacrosWith,
            int macroSizeCrossbars, Map<String, Integer> components) {
        public Row {
            sharesMacrosWith = List.copyOf(sharesMacrosWith);
            components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        }
    }

    public static LayerTable of(Design design) {
        DataflowSkeleton skeleton = DataflowSkeleton.of(design.spec());
        Network network = design.spec().network();
        Accelerator acc = design.accelerator();
        Placement placement = design.placement();
        List<Row> rows = new ArrayList<>();
        for (Layer layer : network.layers()) {
            int k = skeleton.ownerOf(layer.id());
            if (layer.hasWeights()) {
                LayerPlacement where = placement.layer(k);
                Map<String, Integer> counts = new LinkedHashMap<>();
                int adcs = 0;
                int shiftAdds = 0;
                int macroSize = 0;
                for (int i = 0; i < where.macroCount(); i++) {
                    Macro macro = acc.macros().get(where.macro(i));
                    adcs = Math.max(adcs, macro.adcs().count());
                    shiftAdds = Math.max(shiftAdds, units(macro, AluKind.SHIFT_ADD));
                    macroSize = Math.max(macroSize, where.crossbars(i));
                }
                put(counts, ADC, adcs);
                put(counts, AluKind.SHIFT_ADD.label(), shiftAdds);
                put(counts, AluKind.ADD.label(), units(acc.macros().get(where.home()), AluKind.ADD));
                rows.add(new Row(layer.name(), true, design.spec().wtDup(k), where.macroCount(),
                        sharing(network, skeleton, placement, k), macroSize, counts));
            } else {
                AluKind kind = skeleton.aluKindOf(layer.id());
                if (kind == null || kind == AluKind.SHIFT_ADD || kind == AluKind.ADD) {
                    continue;
                }
                Map<String, Integer> counts = new LinkedHashMap<>();
                put(counts, kind.label(), units(acc.macros().get(placement.layer(k).home()), kind));
                rows.add(new Row(layer.name(), false, design.spec().wtDup(k), 0, List.of(), 0, counts));
            }
        }
        int scratchpadKb = 0;
        for (Macro m : acc.macros()) {
            scratchpadKb = Math.max(scratchpadKb, m.scratchpad().capacityKb());
        }
        return new LayerTable(acc.meshRows(), acc.meshCols(), scratchpadKb, rows);
    }

    private static List<String> components() {
        List<String> names = new ArrayList<>(List.of(ADC));
        for (AluKind kind : AluKind.values()) {
            names.add(kind.label());
        }
        return List.copyOf(names);
    }

    private static List<String> sharing(Network network, DataflowSkeleton skeleton, Placement placement, int k) {
        List<String> partners = new ArrayList<>();
        int[] mine = placement.layer(k).macros();
        for (int j = 0; j < placement.size(); j++) {
            if (j != k && overlaps(mine, placement.layer(j).macros())) {
                partners.add(network.layer(skeleton.weightLayerId(j)).name());
            }
        }
        return partners;
    }

    private static boolean overlaps(int[] a, int[] b) {
        for (int x : a) {
            for (int y : b) {
                if (x == y) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int units(Macro macro, AluKind kind) {
        AluUnits units = macro.alusOf(kind);
        return units == null ? 0 : units.count();
    }

    private static void put(Map<String, Integer> counts, String component, int units) {
        if (units > 0) {
            counts.put(component, units);
        }
    }
}
