package org.pimsyn.sim.arch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.component.ComponentClass;
import org.pimsyn.sim.component.ComponentInstance;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.timing.TimingRules;

/**
 * A synthesized accelerator, as the simulator sees it: clock, a rows x cols mesh of macros, the NoC, the
 * activation precision that sizes every data movement, the power budget the design was made for and the
 * MACs per image of its workload. Layers are indices 0..layerCount-1; {@code layerNames} is empty or gives
 * one display name per layer. Costs (latency, energy, static power) are not here but in the component
 * library, so one design can be priced under several libraries.
 *
 * <p>Construction checks everything and throws {@link InvalidSimulationInputException} naming the field
 * ({@code accelerator.macros[3].adcs.count must be >= 0, got -1}).
 *
 * @param dataBits      bits per activation element moved by LOAD, STORE, TRANSFER and MERGE
 * @param powerBudgetMw the power the design was synthesized for; the report checks the simulated power
 * @param macsPerImage  multiply-accumulates per inference, for GOPS (2 operations per MAC)
 */
public record Accelerator(
        double clockGhz,
        int meshRows,
        int meshCols,
        int dataBits,
        int layerCount,
        List<String> layerNames,
        List<Macro> macros,
        Noc noc,
        double powerBudgetMw,
        long macsPerImage) {

    public Accelerator {
        layerNames = layerNames == null ? List.of() : List.copyOf(layerNames);
        macros = macros == null ? List.of() : List.copyOf(macros);
        if (!(clockGhz > 0) || Double.isInfinite(clockGhz)) {
            throw bad("clockGhz must be a positive number, got " + clockGhz);
        }
        positive(meshRows, "meshRows");
        positive(meshCols, "meshCols");
        positive(dataBits, "dataBits");
        if (layerCount < 0) {
            throw bad("layerCount must be >= 0, got " + layerCount);
        }
        if (!layerNames.isEmpty() && layerNames.size() != layerCount) {
            throw bad("layerNames has " + layerNames.size() + " names for " + layerCount
                    + " layers (give none or one per layer)");
        }
        if (noc == null) {
            throw bad("noc is missing");
        }
        positive(noc.flitWidthBits(), "noc.flitWidthBits");
        positive(noc.linkWidthBits(), "noc.linkWidthBits");
        if (!(powerBudgetMw > 0) || Double.isInfinite(powerBudgetMw)) {
            throw bad("powerBudgetMw must be a positive number, got " + powerBudgetMw);
        }
        if (macsPerImage < 0) {
            throw bad("macsPerImage must be >= 0, got " + macsPerImage);
        }
        if (macros.isEmpty()) {
            throw bad("macros is empty; a design needs at least one macro");
        }
        Set<Long> positions = new HashSet<>();
        for (int m = 0; m < macros.size(); m++) {
            checkMacro(m, macros.get(m), meshRows, meshCols, layerCount);
            Macro macro = macros.get(m);
            if (!positions.add(((long) macro.row() << 32) | macro.col())) {
                throw bad("macros[" + m + "] is at row " + macro.row() + " col " + macro.col()
                        + ", where another macro already is");
            }
        }
    }

    private static void checkMacro(int m, Macro macro, int rows, int cols, int layerCount) {
        String at = "macros[" + m + "]";
        if (macro == null) {
            throw bad(at + " is missing");
        }
        if (macro.row() < 0 || macro.row() >= rows || macro.col() < 0 || macro.col() >= cols) {
            throw bad(at + " is at row " + macro.row() + " col " + macro.col() + ", outside the " + rows + "x"
                    + cols + " mesh");
        }
        Set<Integer> served = new HashSet<>();
        for (Integer layer : macro.layers()) {
            if (layer == null || layer < 0 || layer >= layerCount) {
                throw bad(at + ".layers has " + layer + "; layers are 0.." + (layerCount - 1));
            }
            if (!served.add(layer)) {
                throw bad(at + ".layers lists layer " + layer + " twice");
            }
        }
        Set<Integer> withCrossbars = new HashSet<>();
        for (int g = 0; g < macro.crossbars().size(); g++) {
            CrossbarGroup group = macro.crossbars().get(g);
            String gat = at + ".crossbars[" + g + "]";
            if (group == null) {
                throw bad(gat + " is missing");
            }
            if (!served.contains(group.layer())) {
                throw bad(gat + " holds layer " + group.layer() + ", which is not among the layers the macro serves "
                        + macro.layers());
            }
            if (!withCrossbars.add(group.layer())) {
                throw bad(gat + " holds layer " + group.layer() + " a second time (one group per layer)");
            }
            positive(group.count(), gat + ".count");
            positive(group.size(), gat + ".size");
            positive(group.cellBits(), gat + ".cellBits");
        }
        if (macro.dacs() == null) {
            throw bad(at + ".dacs is missing");
        }
        nonNegative(macro.dacs().count(), at + ".dacs.count");
        positive(macro.dacs().resolutionBits(), at + ".dacs.resolutionBits");
        if (macro.adcs() == null) {
            throw bad(at + ".adcs is missing");
        }
        nonNegative(macro.adcs().count(), at + ".adcs.count");
        positive(macro.adcs().resolutionBits(), at + ".adcs.resolutionBits");
        Set<AluKind> kinds = new HashSet<>();
        for (int a = 0; a < macro.alus().size(); a++) {
            AluUnits units = macro.alus().get(a);
            String aat = at + ".alus[" + a + "]";
            if (units == null || units.kind() == null) {
                throw bad(aat + ".kind is missing; kinds are " + List.of(AluKind.values()));
            }
            if (!kinds.add(units.kind())) {
                throw bad(aat + " repeats kind " + units.kind());
            }
            positive(units.count(), aat + ".count");
            positive(units.vectorWidth(), aat + ".vectorWidth");
        }
        if (macro.scratchpad() == null) {
            throw bad(at + ".scratchpad is missing");
        }
        positive(macro.scratchpad().capacityKb(), at + ".scratchpad.capacityKb");
        positive(macro.scratchpad().busWidthBits(), at + ".scratchpad.busWidthBits");
        positive(macro.scratchpad().ports(), at + ".scratchpad.ports");
        for (int c = 0; c < macro.otherComponents().size(); c++) {
            ComponentInstance other = macro.otherComponents().get(c);
            String cat = at + ".otherComponents[" + c + "]";
            if (other == null || other.componentClass() == null || other.variant() == null) {
                throw bad(cat + " needs a componentClass and a variant");
            }
            if (ComponentClass.isBuiltIn(other.componentClass())) {
                throw bad(cat + " is of class " + other.componentClass() + ", which the macro's own fields hold");
            }
            nonNegative(other.count(), cat + ".count");
        }
    }

    /** Display name of a layer: its given name, else {@code layer <i>}. */
    public String layerName(int layer) {
        return layer < layerNames.size() ? layerNames.get(layer) : "layer " + layer;
    }

    /** Ids of the macros serving a layer, ascending. */
    public List<Integer> macrosOf(int layer) {
        List<Integer> ids = new ArrayList<>();
        for (int m = 0; m < macros.size(); m++) {
            if (macros.get(m).layers().contains(layer)) {
                ids.add(m);
            }
        }
        return ids;
    }

    /** The macros that serve more than one layer, with those layers. */
    public List<MacroSharing> macroSharing() {
        List<MacroSharing> shared = new ArrayList<>();
        for (int m = 0; m < macros.size(); m++) {
            if (macros.get(m).layers().size() > 1) {
                shared.add(new MacroSharing(m, macros.get(m).layers()));
            }
        }
        return shared;
    }

    /** Hops of the XY route between two macros (0 for the same macro). */
    public int hops(int fromMacro, int toMacro) {
        Macro a = macros.get(fromMacro);
        Macro b = macros.get(toMacro);
        return Math.abs(a.row() - b.row()) + Math.abs(a.col() - b.col());
    }

    public double clockPeriodNs() {
        return 1.0 / clockGhz;
    }

    /** Whole cycles a positive latency takes at this clock ({@link TimingRules#cycles}). */
    public long cyclesOf(double latencyNs) {
        return TimingRules.cycles(latencyNs, clockGhz);
    }

    private static void positive(int value, String field) {
        if (value < 1) {
            throw bad(field + " must be >= 1, got " + value);
        }
    }

    private static void nonNegative(int value, String field) {
        if (value < 0) {
            throw bad(field + " must be >= 0, got " + value);
        }
    }

    private static InvalidSimulationInputException bad(String message) {
        return new InvalidSimulationInputException("accelerator." + message);
    }
}
