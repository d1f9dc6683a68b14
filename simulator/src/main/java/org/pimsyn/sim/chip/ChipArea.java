package org.pimsyn.sim.chip;

import java.util.List;

/**
 * The silicon area of an accelerator, in mm2: every instantiated component x its entry's area per instance
 * ({@link AreaModel}). Where some instantiated entry has no area in the library, every sum that holds it is unknown
 * (null, written as JSON null), never 0, and {@code unknownFor} names the entries.
 *
 * @param areaMm2    the chip: every macro and the mesh; null where unknown
 * @param byClass    per component class, in the inventory's order
 * @param byMacro    per macro, in id order: its crossbars, DACs, ADCs, ALUs, scratchpad and other components
 * @param meshMm2    the mesh's routers and links, which belong to no macro; null where unknown
 * @param unknownFor {@code class variant} of every instantiated entry without an area; empty where all are known
 */
public record ChipArea(Double areaMm2, List<ClassArea> byClass, List<MacroArea> byMacro, Double meshMm2,
        List<String> unknownFor) {
    public ChipArea {
        byClass = List.copyOf(byClass);
        byMacro = List.copyOf(byMacro);
        unknownFor = List.copyOf(unknownFor);
    }

    /** @param instances components of the class the accelerator holds */
    public record ClassArea(String component, long instances, Double areaMm2) {
    }

    public record MacroArea(int macro, Double areaMm2) {
    }

    /** Whether every instantiated entry has an area. */
    public boolean known() {
        return areaMm2 != null;
    }
}
