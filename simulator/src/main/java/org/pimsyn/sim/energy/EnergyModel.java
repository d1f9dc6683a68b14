package org.pimsyn.sim.energy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pimsyn.sim.component.ActionCost;
import org.pimsyn.sim.component.ComponentClass;
import org.pimsyn.sim.component.ComponentEntry;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.count.ActionCounts;
import org.pimsyn.sim.count.InventoryItem;

/**
 * Prices what a simulation counted: per component class, every item's action counts x the entry's energy per
 * action, plus the static power of every instantiated component x run time. Any library with entries for the
 * design's components will do, so a design simulated once can be re-priced under other libraries (latencies stay
 * those simulated).
 *
 * <p>Classes are listed in the library's class order (the built-in ones first), each where the accelerator
 * instantiates it, even with a count of 0: every design shows its crossbars, DACs, ADCs, scratchpads and NoC.
 * An item of count 0 needs no library entry.
 */
public final class EnergyModel {
    private EnergyModel() {
    }

    /** Prices {@code counts} over a run of {@code timeNs}. */
    public static EnergyBreakdown price(ActionCounts counts, double timeNs, ComponentLibrary library) {
        Map<String, double[]> byClass = new LinkedHashMap<>();
        for (ComponentClass c : library.allClasses()) {
            byClass.put(c.name(), null);
        }
        List<InventoryItem> items = counts.items();
        for (int i = 0; i < items.size(); i++) {
            InventoryItem item = items.get(i);
            double[] sums = byClass.get(item.componentClass());
            if (sums == null) {
                sums = new double[2];
                byClass.put(item.componentClass(), sums);
            }
            if (item.count() == 0) {
                continue;
            }
            ComponentEntry entry = entryOf(item, library);
            ComponentClass c = counts.classOf(i);
            // An item's actions are summed first, then added to its class, so that a scratchpad's reads and
            // writes round as one figure.
            double itemPj = 0;
            for (int a = 0; a < c.actions().size(); a++) {
                ActionCost cost = entry.action(c.actions().get(a).name());
                itemPj += counts.count(i, a) * cost.energyPj();
            }
            sums[0] += itemPj;
            sums[1] += item.count() * entry.staticPowerMw();
        }
        List<ComponentEnergy> components = new ArrayList<>();
        for (Map.Entry<String, double[]> e : byClass.entrySet()) {
            double[] sums = e.getValue();
            if (sums != null) {
                components.add(new ComponentEnergy(e.getKey(), sums[0], sums[1], sums[1] * timeNs));
            }
        }
        return new EnergyBreakdown(components, timeNs);
    }

    /** The peak power of every instantiated component, per class: count x the entry's peak power, in mW. */
    public static Map<String, Double> peakPowerMw(List<InventoryItem> items, ComponentLibrary library) {
        Map<String, Double> byClass = new LinkedHashMap<>();
        for (InventoryItem item : items) {
            double mw = item.count() == 0 ? 0 : item.count() * entryOf(item, library).peakPowerMw();
            byClass.merge(item.componentClass(), mw, Double::sum);
        }
        return byClass;
    }

    /** The item's library entry; a missing one is named with the field that instantiates it. */
    private static ComponentEntry entryOf(InventoryItem item, ComponentLibrary library) {
        ComponentEntry entry = library.find(item.componentClass(), item.variant());
        return entry != null ? entry
                : ComponentLibrary.forComponent(item.where(),
                        () -> library.entry(item.componentClass(), item.variant()));
    }
}
