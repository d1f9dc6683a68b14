package org.pimsyn.sim.component;

import java.util.List;

/**
 * One row of the component library: a variant of a class (a resolution, a size, a capacity) with what each of
 * its actions costs, its static power (drawn while it exists), its peak power (what a power budget reserves for
 * one instance) and where the figures come from. Further figures of a component (its area, say) are further
 * fields here, priced from the same counts.
 */
public record ComponentEntry(String componentClass, String variant, List<ActionCost> actions, double staticPowerMw,
        double peakPowerMw, String source) {
    public ComponentEntry {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** {@code class variant}, as messages name an entry. */
    public String label() {
        return componentClass + " " + variant;
    }

    /** The energy of one of the class's actions, in pJ. */
    public double energyPj(String action) {
        return action(action).energyPj();
    }

    /** The latency of one of the class's actions, in ns. */
    public double latencyNs(String action) {
        return action(action).latencyNs();
    }

    /** The cost of an action; null where the entry does not price it. */
    public ActionCost action(String action) {
        for (ActionCost c : actions) {
            if (c.action().equals(action)) {
                return c;
            }
        }
        return null;
    }
}
