package org.pimsyn.sim.chip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentArea;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.count.ComponentInventory;
import org.pimsyn.sim.count.InventoryItem;

/**
 * Prices an accelerator's inventory ({@link ComponentInventory}) in area, as {@code EnergyModel} prices it in peak
 * power: per item, its count x its entry's area per instance. An item of count 0 costs nothing and needs no area;
 * an item whose entry has no area makes its class, its macro (or the mesh) and the chip unknown.
 */
public final class AreaModel {
    private AreaModel() {
    }

    public static ChipArea of(Accelerator accelerator, ComponentLibrary library) {
        return of(ComponentInventory.of(accelerator), accelerator.macros().size(), library);
    }

    /** The area of an inventory of {@code macros} macros. */
    public static ChipArea of(List<InventoryItem> items, int macros, ComponentLibrary library) {
        Map<String, long[]> instances = new LinkedHashMap<>();
        Map<String, double[]> byClass = new LinkedHashMap<>();
        double[] byMacro = new double[macros];
        boolean[] macroUnknown = new boolean[macros];
        double mesh = 0;
        boolean meshUnknown = false;
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> unknownClasses = new LinkedHashSet<>();
        for (InventoryItem item : items) {
            instances.computeIfAbsent(item.componentClass(), c -> new long[1])[0] += item.count();
            double[] classSum = byClass.computeIfAbsent(item.componentClass(), c -> new double[1]);
            if (item.count() == 0) {
                continue;
            }
            ComponentArea area = library.area(item.componentClass(), item.variant());
            if (area == null) {
                unknown.add(item.componentClass() + " " + item.variant());
                unknownClasses.add(item.componentClass());
                if (item.macro() < 0) {
                    meshUnknown = true;
                } else {
                    macroUnknown[item.macro()] = true;
                }
                continue;
            }
            double mm2 = item.count() * area.areaMm2();
            classSum[0] += mm2;
            if (item.macro() < 0) {
                mesh += mm2;
            } else {
                byMacro[item.macro()] += mm2;
            }
        }
        List<ChipArea.ClassArea> classes = new ArrayList<>();
        for (Map.Entry<String, double[]> e : byClass.entrySet()) {
            classes.add(new ChipArea.ClassArea(e.getKey(), instances.get(e.getKey())[0],
                    unknownClasses.contains(e.getKey()) ? null : e.getValue()[0]));
        }
        List<ChipArea.MacroArea> perMacro = new ArrayList<>();
        double total = mesh;
        for (int m = 0; m < macros; m++) {
            perMacro.add(new ChipArea.MacroArea(m, macroUnknown[m] ? null : byMacro[m]));
            total += byMacro[m];
        }
        return new ChipArea(unknown.isEmpty() ? total : null, classes, perMacro, meshUnknown ? null : mesh,
                List.copyOf(unknown));
    }
}
