package org.pimsyn.sim.component;

import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrKind;

/**
 * Which IRs count an action, and by what measure: {@code per} of every IR of kind {@code ir} that runs in the
 * instance's macro (and layer, for a layer's crossbar set). For ALU IRs, {@code alu} narrows it to one unit kind;
 * null takes every kind.
 */
public record Trigger(IrKind ir, AluKind alu, Quantity per) {
    public Trigger {
        if (ir == null || per == null) {
            throw new InvalidSimulationInputException("a trigger needs an IR kind and a quantity, got " + ir + " and "
                    + per);
        }
        if (alu != null && ir != IrKind.ALU) {
            throw new InvalidSimulationInputException("a trigger on " + ir + " IRs names the ALU kind " + alu
                    + "; only ALU IRs have one");
        }
    }

    public static Trigger of(IrKind ir, Quantity per) {
        return new Trigger(ir, null, per);
    }
}
