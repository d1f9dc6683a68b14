package org.pimsyn.synth.hardware;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * <p>A part of the whole chip rather than of each macro (ISAAC's off-chip HyperTransport links) is placed
 * {@code perChip} times, in the first macro, since the design format places every component in a macro.
 *
 * @param componentClass its class, with a name of its own (not a built-in class)
 * @param costs          energy and latency of every action of the class, in its order
 * @param perMacro       instances in every macro; 0 for a chip-level part
 * @param area           of one instance, null where the library gives none
 * @param perChip        instances in the chip (in its first macro); 0 for a part of every macro
 */
public record OtherComponentSpec(ComponentClass componentClass, String variant, List<ActionCost> costs,
        double staticPowerMw, double peakPowerMw, int perMacro, Provenance provenance,
        @JsonInclude(JsonInclude.Include.NON_NULL) AreaSpec area,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int perChip) {
    public OtherComponentSpec {
        Objects.requireNonNull(componentClass, "componentClass");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(provenance, "provenance");
        costs = List.copyOf(costs);
        if (perMacro < 0 || perChip < 0 || (perMacro == 0) == (perChip == 0)) {
            throw new IllegalArgumentException("exactly one of perMacro and perChip must be >= 1, got " + perMacro
                    + " and " + perChip);
        }
    }

    /** {@code perMacro} instances in every macro, without an area. */
    public OtherComponentSpec(ComponentClass componentClass, String variant, List<ActionCost> costs,
            double staticPowerMw, double peakPowerMw, int perMacro, Provenance provenance) {
        this(componentClass, variant, costs, staticPowerMw, peakPowerMw, perMacro, provenance, null, 0);
    }

    /** Its row of the component table. */
    public ComponentEntry entry() {
        return new ComponentEntry(componentClass.name(), variant, costs, staticPowerMw, peakPowerMw,
                provenance.source());
    }

    /** Whether it is a part of every macro (else of the chip). */
    public boolean inEveryMacro() {
        return perMacro > 0;
    }

    /** The instances every macro holds; count 0 for a chip-level part. */
    public ComponentInstance perMacroInstance() {
        return new ComponentInstance(componentClass.name(), variant, perMacro);
    }

    /** The instances of a chip-level part, which the first macro holds. */
    public ComponentInstance perChipInstance() {
        return new ComponentInstance(componentClass.name(), variant, perChip);
    }
}
