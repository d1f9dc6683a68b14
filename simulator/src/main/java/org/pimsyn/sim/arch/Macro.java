package org.pimsyn.sim.arch;

import java.util.List;
import org.pimsyn.sim.component.ComponentInstance;
import org.pimsyn.sim.ir.AluKind;

/**
 * One macro at mesh position ({@code row}, {@code col}): the layers it serves, the crossbars it holds per layer,
 * its DACs, ADC bank, ALU units per kind and scratchpad, which the timing rules read, and any other components of
 * the library ({@code otherComponents}: a register file, say), which count their actions from the IRs their class
 * names and draw power but hold no IR. Its id is its index in {@link Accelerator#macros()}. Checked as part of an
 * {@link Accelerator}.
 */
public record Macro(
        int row,
        int col,
        List<Integer> layers,
        List<CrossbarGroup> crossbars,
        DacArray dacs,
        AdcBank adcs,
        List<AluUnits> alus,
        Scratchpad scratchpad,
        List<ComponentInstance> otherComponents) {

    public Macro {
        layers = layers == null ? List.of() : List.copyOf(layers);
        crossbars = crossbars == null ? List.of() : List.copyOf(crossbars);
        alus = alus == null ? List.of() : List.copyOf(alus);
        otherComponents = otherComponents == null ? List.of() : List.copyOf(otherComponents);
    }

    /** A macro of the timed parts only. */
    public Macro(int row, int col, List<Integer> layers, List<CrossbarGroup> crossbars, DacArray dacs, AdcBank adcs,
            List<AluUnits> alus, Scratchpad scratchpad) {
        this(row, col, layers, crossbars, dacs, adcs, alus, scratchpad, List.of());
    }

    /** The crossbars held for a layer, or null when the macro holds none for it. */
    public CrossbarGroup crossbarsOf(int layer) {
        for (CrossbarGroup g : crossbars) {
            if (g.layer() == layer) {
                return g;
            }
        }
        return null;
    }

    /** The ALU units of a kind, or null when the macro has none. */
    public AluUnits alusOf(AluKind kind) {
        for (AluUnits a : alus) {
            if (a.kind() == kind) {
                return a;
            }
        }
        return null;
    }

    public int crossbarCount() {
        int total = 0;
        for (CrossbarGroup g : crossbars) {
            total += g.count();
        }
        return total;
    }
}
