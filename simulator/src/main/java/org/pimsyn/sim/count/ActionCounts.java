package org.pimsyn.sim.count;

import java.util.List;
import java.util.function.Predicate;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.component.ComponentAction;
import org.pimsyn.sim.component.ComponentClass;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.component.Quantity;
import org.pimsyn.sim.component.Trigger;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrKind;

/**
 * What a run counted, before any pricing: for every item of the {@link ComponentInventory}, how many times each
 * action of its class happened, over all images. One primitive table, item x action; energy, peak power and the
 * bounds all price it.
 *
 * <p>An action's count is the sum over its triggers of the trigger's measure of the IRs in the item's place: its
 * crossbar set for a crossbar set's MVMs, its macro otherwise, the whole mesh for routers and links.
 */
public final class ActionCounts {
    private static final List<AluKind> ALL_ALU_KINDS = List.of(AluKind.values());
    private final List<InventoryItem> items;
    private final List<ComponentClass> classes;
    private final int[] offset;
    private final long[] counts;

    private ActionCounts(List<InventoryItem> items, List<ComponentClass> classes, int[] offset, long[] counts) {
        this.items = items;
        this.classes = classes;
        this.offset = offset;
        this.counts = counts;
    }

    /**
     * Counts every item's actions from one image's tallies, times {@code images}.
     *
     * @throws InvalidSimulationInputException where an item's class is not in the library
     */
    public static ActionCounts of(List<InventoryItem> items, IrTallies perImage, int images,
            ComponentLibrary library) {
        ComponentClass[] classes = new ComponentClass[items.size()];
        int[] offset = new int[items.size() + 1];
        for (int i = 0; i < items.size(); i++) {
            InventoryItem item = items.get(i);
            classes[i] = library.componentClass(item.componentClass());
            if (classes[i] == null) {
                throw new InvalidSimulationInputException(item.where() + ": component library: class "
                        + item.componentClass() + " is not declared");
            }
            offset[i + 1] = offset[i] + classes[i].actions().size();
        }
        long[] counts = new long[offset[items.size()]];
        for (int i = 0; i < items.size(); i++) {
            InventoryItem item = items.get(i);
            List<ComponentAction> actions = classes[i].actions();
            for (int a = 0; a < actions.size(); a++) {
                long n = 0;
                for (Trigger t : actions.get(a).countedOn()) {
                    n += measure(item, t, perImage);
                }
                counts[offset[i] + a] = n * images;
            }
        }
        return new ActionCounts(items, List.of(classes), offset, counts);
    }

    private static long measure(InventoryItem item, Trigger t, IrTallies tallies) {
        if (item.crossbarSet() >= 0 && t.ir() == IrKind.MVM && t.per() == Quantity.ELEMENT) {
            return tallies.ofCrossbarSet(item.crossbarSet());
        }
        if (!tallies.measured(t.ir(), t.per())) {
            throw new IllegalStateException(t.per() + " of " + t.ir() + " IRs was not measured: count IRs and "
                    + "elements where a library has classes of its own");
        }
        int from = item.macro() < 0 ? 0 : item.macro();
        int to = item.macro() < 0 ? tallies.macros() : item.macro() + 1;
        if (t.ir() != IrKind.ALU) {
            return sum(tallies, IrTallies.slot(t.ir(), null), t.per(), from, to);
        }
        long n = 0;
        for (AluKind kind : t.aluKinds().isEmpty() ? ALL_ALU_KINDS : t.aluKinds()) {
            n += sum(tallies, IrTallies.slot(IrKind.ALU, kind), t.per(), from, to);
        }
        return n;
    }

    private static long sum(IrTallies tallies, int slot, Quantity per, int fromMacro, int toMacro) {
        long n = 0;
        for (int m = fromMacro; m < toMacro; m++) {
            n += tallies.ofMacro(m, slot, per);
        }
        return n;
    }

    public List<InventoryItem> items() {
        return items;
    }

    /** The class of item {@code i}, with its actions in count order. */
    public ComponentClass classOf(int item) {
        return classes.get(item);
    }

    /** How many times item {@code i} did its class's action {@code a}. */
    public long count(int item, int action) {
        return counts[offset[item] + action];
    }

    /** How many times item {@code i} did an action, 0 where its class has no such action. */
    public long count(int item, String action) {
        int a = classes.get(item).actionIndex(action);
        return a < 0 ? 0 : count(item, a);
    }

    /** An action's count over the items of a class in one macro, or in every place with {@code macro} -1. */
    public long of(String componentClass, String action, int macro) {
        return sum(item -> item.componentClass().equals(componentClass) && (macro < 0 || item.macro() == macro),
                action);
    }

    /** An action's count over the items of one (class, variant), in every place. */
    public long ofVariant(String componentClass, String variant, String action) {
        return sum(item -> item.componentClass().equals(componentClass) && item.variant().equals(variant), action);
    }

    private long sum(Predicate<InventoryItem> which, String action) {
        long n = 0;
        for (int i = 0; i < items.size(); i++) {
            if (which.test(items.get(i))) {
                n += count(i, action);
            }
        }
        return n;
    }
}
