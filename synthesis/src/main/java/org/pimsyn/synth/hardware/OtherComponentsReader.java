package org.pimsyn.synth.hardware;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.pimsyn.sim.component.ActionCost;
import org.pimsyn.sim.component.ComponentAction;
import org.pimsyn.sim.component.ComponentClass;
import org.pimsyn.sim.component.Quantity;
import org.pimsyn.sim.component.Trigger;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrKind;
import org.pimsyn.synth.hardware.OtherComponentSpec.Placement;
import org.pimsyn.synth.io.JsonObjectFields;

/**
 * The library's {@code otherComponents}: per entry its class (a new name), variant, where its instances sit and how
 * many ({@code perMacro}, {@code perChip}, {@code perCrossbar}, {@code perCrossbarRow} or {@code perCrossbarColumn}), its
 * actions (each with the IRs that count it, its energy and latency), static and peak power, and source.
 *
 * <pre>
 * {"componentClass": "registerFile", "variant": "1KB", "perMacro": 2,
 *  "actions": [{"name": "write", "countedOn": [{"ir": "ADC", "per": "ELEMENT"}], "energyPj": 0.1, "latencyNs": 1}],
 *  "staticPowerMw": 0.5, "peakPowerMw": 0.75, "source": "..."}
 * </pre>
 */
final class OtherComponentsReader {
    static final String[] KEYS = {"componentClass", "variant", "perMacro", "perChip", "perCrossbar",
        "perCrossbarRow", "perCrossbarColumn", "actions", "staticPowerMw", "peakPowerMw", "source", "note",
        HardwareLibraryReader.AREA, HardwareLibraryReader.AREA_SOURCE};
    private static final int MAX_PER_MACRO = 1 << 20;

    private OtherComponentsReader() {
    }

    static List<OtherComponentSpec> read(List<JsonObjectFields> entries) {
        List<OtherComponentSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonObjectFields e : entries) {
            String name = e.text("componentClass");
            if (ComponentClass.isBuiltIn(name)) {
                throw e.error("componentClass", "'" + name + "' is a built-in class, which the macros' own fields "
                        + "hold; give the component a class of its own");
            }
            if (!names.add(name)) {
                throw e.error("componentClass", "'" + name + "' appears twice; one entry per class");
            }
            List<ComponentAction> actions = new ArrayList<>();
            List<ActionCost> costs = new ArrayList<>();
            Set<String> actionNames = new HashSet<>();
            // A part that no IR exercises (ISAAC's off-chip links) leaves its actions out: it has power and area only.
            List<JsonObjectFields> actionFields = e.has("actions")
                    ? e.objects("actions", "name", "countedOn", "energyPj", "latencyNs") : List.of();
            for (JsonObjectFields a : actionFields) {
                String action = a.text("name");
                if (!actionNames.add(action)) {
                    throw a.error("name", "action '" + action + "' appears twice");
                }
                List<Trigger> triggers = new ArrayList<>();
                for (JsonObjectFields t : a.objects("countedOn", "ir", "alu", "per")) {
                    triggers.add(trigger(t));
                }
                actions.add(new ComponentAction(action, triggers));
                costs.add(new ActionCost(action, a.nonNegative("energyPj"), HardwareLibraryReader.latency(a,
                        "latencyNs")));
            }
            double staticMw = e.nonNegative("staticPowerMw");
            double peakMw = e.nonNegative("peakPowerMw");
            if (peakMw < staticMw) {
                throw e.error("peakPowerMw", HardwareLibraryReader.plain(peakMw) + " is below staticPowerMw "
                        + HardwareLibraryReader.plain(staticMw) + "; the peak must cover it");
            }
            // Where its instances sit: one count, per macro, per chip (placed in its first macro), per crossbar,
            // or per crossbar row or column.
            Placement placement = null;
            for (Placement p : Placement.values()) {
                if (e.has(p.key())) {
                    if (placement != null) {
                        throw e.error(p.key(), "give exactly one of " + String.join(", ", Placement.keys())
                                + "; found " + placement.key() + " too");
                    }
                    placement = p;
                }
            }
            if (placement == null) {
                throw e.error("perMacro", "missing; give exactly one of perMacro (instances in every macro), "
                        + "perChip (in the whole chip), perCrossbar, perCrossbarRow or perCrossbarColumn (per "
                        + "crossbar, or per row or column of every crossbar), each >= 1");
            }
            int count = e.integer(placement.key(), 1, MAX_PER_MACRO);
            out.add(new OtherComponentSpec(new ComponentClass(name, actions), e.text("variant"), costs, staticMw,
                    peakMw, placement, count, HardwareLibraryReader.provenance(e), HardwareLibraryReader.area(e)));
        }
        return out;
    }

    private static Trigger trigger(JsonObjectFields t) {
        IrKind ir = named(t, "ir", IrKind.values());
        Quantity per = named(t, "per", Quantity.values());
        List<AluKind> alu = List.of();
        if (t.has("alu")) {
            String label = t.text("alu");
            alu = List.of(AluKind.fromLabel(label).orElseThrow(() -> t.error("alu", "unknown ALU kind '" + label
                    + "'; allowed: " + AluKind.labels())));
            if (ir != IrKind.ALU) {
                throw t.error("alu", "only ALU IRs have a kind; this trigger counts " + ir + " IRs");
            }
        }
        return new Trigger(ir, alu, per);
    }

    private static <E extends Enum<E>> E named(JsonObjectFields f, String key, E[] values) {
        String name = f.text(key);
        for (E v : values) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        throw f.error(key, "unknown '" + name + "'; allowed: "
                + Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
