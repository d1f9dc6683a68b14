package org.pimsyn.synth.hardware;

import java.util.List;
import java.util.Objects;
import org.pimsyn.sim.component.ActionCost;
import org.pimsyn.sim.component.ComponentClass;
import org.pimsyn.sim.component.ComponentEntry;
import org.pimsyn.sim.component.ComponentInstance;

/**
 * A component the library adds to every macro beyond those the timing rules read: a register file, a
 * sample-and-hold bank, a controller. Its class declares its actions and the IRs that count them; the library gives
 * each action's energy and latency, the static and peak power of one instance, and how many every macro holds. Such
 * components hold no IR and take no time: they are counted, priced in energy and power and reported.
 *
 * @param componentClass its class, with a name of its own (not a built-in class)
 * @param costs          energy and latency of every action of the class, in its order
 * @param perMacro       instances in every macro (>= 1)
 */
public record OtherComponentSpec(ComponentClass componentClass, String variant, List<ActionCost> costs,
        double staticPowerMw, double peakPowerMw, int perMacro, Provenance provenance) {
    public OtherComponentSpec {
        Objects.requireNonNull(componentClass, "componentClass");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(provenance, "provenance");
        costs = List.copyOf(costs);
        if (perMacro < 1) {
            throw new IllegalArgumentException("perMacro must be >= 1, got " + perMacro);
        }
    }

    /** Its row of the component table. */
    public ComponentEntry entry() {
        return new ComponentEntry(componentClass.name(), variant, costs, staticPowerMw, peakPowerMw,
                provenance.source());
    }

    /** The instances every macro holds. */
    public ComponentInstance perMacroInstance() {
        return new ComponentInstance(componentClass.name(), variant, perMacro);
    }
}
