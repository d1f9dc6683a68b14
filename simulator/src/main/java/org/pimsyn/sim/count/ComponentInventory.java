package org.pimsyn.sim.count;

import java.util.ArrayList;
import java.util.List;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.AluUnits;
import org.pimsyn.sim.arch.CrossbarGroup;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.component.ComponentClass;
import org.pimsyn.sim.component.ComponentEntries;
import org.pimsyn.sim.component.ComponentInstance;

/**
 * Every component an accelerator instantiates, as (place, class, variant, count): per macro its crossbar sets in
 * order, DACs, ADCs, ALU units per kind, scratchpad and other components; then one router per mesh position and one
 * link per direction between neighbouring positions. Counting and pricing both walk this one list.
 */
public final class ComponentInventory {
    private ComponentInventory() {
    }

    public static List<InventoryItem> of(Accelerator acc) {
        List<InventoryItem> items = new ArrayList<>();
        int set = 0;
        for (int m = 0; m < acc.macros().size(); m++) {
            Macro macro = acc.macros().get(m);
            for (CrossbarGroup g : macro.crossbars()) {
                items.add(new InventoryItem(m, set++, ComponentClass.CROSSBAR,
                        ComponentEntries.crossbarVariant(g.size(), g.cellBits()), g.count(), "crossbars"));
            }
            items.add(new InventoryItem(m, -1, ComponentClass.DAC,
                    ComponentEntries.converterVariant(macro.dacs().resolutionBits()), macro.dacs().count(),
                    "dacs"));
            items.add(new InventoryItem(m, -1, ComponentClass.ADC,
                    ComponentEntries.converterVariant(macro.adcs().resolutionBits()), macro.adcs().count(),
                    "adcs"));
            for (AluUnits units : macro.alus()) {
                items.add(new InventoryItem(m, -1, ComponentClass.alu(units.kind()), ComponentEntries.ALU_VARIANT,
                        units.count(), "alus"));
            }
            items.add(new InventoryItem(m, -1, ComponentClass.SCRATCHPAD,
                    ComponentEntries.scratchpadVariant(macro.scratchpad().capacityKb()), 1, "scratchpad"));
            for (int i = 0; i < macro.otherComponents().size(); i++) {
                ComponentInstance c = macro.otherComponents().get(i);
                items.add(new InventoryItem(m, -1, c.componentClass(), c.variant(), c.count(),
                        "otherComponents[" + i + "]"));
            }
        }
        int rows = acc.meshRows();
        int cols = acc.meshCols();
        items.add(new InventoryItem(-1, -1, ComponentClass.NOC, ComponentEntries.ROUTER, rows * cols,
                "noc"));
        items.add(new InventoryItem(-1, -1, ComponentClass.NOC, ComponentEntries.LINK, directionalLinks(rows, cols),
                "noc"));
        return List.copyOf(items);
    }

    /** Directional links between neighbouring positions of a rows x cols mesh. */
    public static int directionalLinks(int rows, int cols) {
        return 2 * (rows * (cols - 1) + cols * (rows - 1));
    }
}
