package org.pimsyn.synth.hardware;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.pimsyn.sim.component.ActionCost;
import org.pimsyn.sim.component.ComponentClass;
import org.pimsyn.sim.component.ComponentEntry;
import org.pimsyn.sim.component.ComponentInstance;

/**
 * A component the library adds to the design beyond those the timing rules read: a register file, a
 * sample-and-hold bank, a controller. Its class declares its actions and the IRs that count them; the library gives
 * each action's energy and latency, the static and peak power of one instance, and where the instances sit
 * ({@link Placement}). Such components hold no IR and take no time: they are counted, priced in energy, power and
 * area, and reported.
 *
 * <p>A part of the whole chip rather than of each macro (ISAAC's off-chip HyperTransport links, a global buffer)
 * is placed {@code count} times in the first macro, since the design format places every component in a macro.
 *
 * @param componentClass its class, with a name of its own (not a built-in class)
 * @param costs          energy and latency of every action of the class, in its order
 * @param placement      where its instances sit
 * @param count          instances per place: per macro, per chip, per crossbar, or per crossbar row or column
 * @param area           of one instance, null where the library gives none
 */
public record OtherComponentSpec(ComponentClass componentClass, String variant, List<ActionCost> costs,
        double staticPowerMw, double peakPowerMw, Placement placement, int count, Provenance provenance,
        @JsonInclude(JsonInclude.Include.NON_NULL) AreaSpec area) {

    /** Where a component's instances sit, with the library key that gives their number. */
    public enum Placement {
        /** {@code count} in every macro. */
        MACRO("perMacro"),
        /** {@code count} in the whole chip, which a design places in its first macro. */
        CHIP("perChip"),
        /** {@code count} per crossbar of every macro (per processing element). */
        CROSSBAR("perCrossbar"),
        /** {@code count} per crossbar row of every macro, as the DACs (input registers). */
        CROSSBAR_ROW("perCrossbarRow"),
        /** {@code count} per crossbar column of every macro (sample-and-hold, output multiplexers). */
        CROSSBAR_COLUMN("perCrossbarColumn");

        private final String key;

        Placement(String key) {
            this.key = key;
        }

        /** The library key: {@code perMacro}, {@code perChip}, ... */
        public String key() {
            return key;
        }

        /** The placements' keys, in order. */
        public static List<String> keys() {
            return Arrays.stream(values()).map(Placement::key).toList();
        }
    }

    public OtherComponentSpec {
        Objects.requireNonNull(componentClass, "componentClass");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(placement, "placement");
        costs = List.copyOf(costs);
        if (count < 1) {
            throw new IllegalArgumentException(placement.key() + " must be >= 1, got " + count);
        }
    }

    /** {@code perMacro} instances in every macro, without an area. */
    public OtherComponentSpec(ComponentClass componentClass, String variant, List<ActionCost> costs,
            double staticPowerMw, double peakPowerMw, int perMacro, Provenance provenance) {
        this(componentClass, variant, costs, staticPowerMw, peakPowerMw, Placement.MACRO, perMacro, provenance, null);
    }

    /** Its row of the component table. */
    public ComponentEntry entry() {
        return new ComponentEntry(componentClass.name(), variant, costs, staticPowerMw, peakPowerMw,
                provenance.source());
    }

    /** Whether it is a part of every macro in a fixed number (else of the chip, or of the crossbars). */
    public boolean inEveryMacro() {
        return placement == Placement.MACRO;
    }

    /** Instances in every macro; 0 where they sit elsewhere. */
    public int perMacro() {
        return placement == Placement.MACRO ? count : 0;
    }

    /** Instances in the chip; 0 where they sit elsewhere. */
    public int perChip() {
        return placement == Placement.CHIP ? count : 0;
    }

    /** Whether its number follows the crossbars a macro holds. */
    public boolean withCrossbars() {
        return placement == Placement.CROSSBAR || placement == Placement.CROSSBAR_ROW
                || placement == Placement.CROSSBAR_COLUMN;
    }

    /** Its instances per crossbar of {@code xbSizeRows} rows; 0 for a part of the macro or the chip. */
    public long perCrossbar(int xbSizeRows) {
        return switch (placement) {
            case CROSSBAR -> count;
            case CROSSBAR_ROW, CROSSBAR_COLUMN -> (long) count * xbSizeRows;
            default -> 0;
        };
    }

    /** Its instances in a macro of {@code crossbars} crossbars of {@code xbSizeRows} rows (square: as many columns). */
    public ComponentInstance inMacro(long crossbars, int xbSizeRows) {
        long n = placement == Placement.MACRO ? count : crossbars * perCrossbar(xbSizeRows);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(componentClass.name() + ": " + n + " instances in one macro");
        }
        return new ComponentInstance(componentClass.name(), variant, (int) n);
    }

    /** The instances every macro holds; for a part of every macro in a fixed number. */
    public ComponentInstance perMacroInstance() {
        return new ComponentInstance(componentClass.name(), variant, count);
    }

    /** The instances of a chip-level part, which the first macro holds. */
    public ComponentInstance perChipInstance() {
        return new ComponentInstance(componentClass.name(), variant, count);
    }
}
