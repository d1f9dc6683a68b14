package org.pimsyn.sim.component;

import java.util.List;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrKind;

/**
 * Which IRs count an action, and by what measure: {@code per} of every IR of kind {@code ir} that runs in the
 * instance's macro (and crossbar set, for a layer's crossbars). For ALU IRs, {@code aluKinds} narrows it to those
 * unit kinds; empty takes every kind (and is the only choice for other IRs).
 */
public record Trigger(IrKind ir, List<AluKind> aluKinds, Quantity per) {
    public Trigger {
        aluKinds = aluKinds == null ? List.of() : List.copyOf(aluKinds);
        if (ir == null || per == null) {
            throw new InvalidSimulationInputException("a trigger needs an IR kind and a quantity, got " + ir + " and "
                    + per);
        }
        if (!aluKinds.isEmpty() && ir != IrKind.ALU) {
            throw new InvalidSimulationInputException("a trigger on " + ir + " IRs names the ALU kinds " + aluKinds
                    + "; only ALU IRs have one");
        }
    }

    /** Every IR of a kind. */
    public static Trigger of(IrKind ir, Quantity per) {
        return new Trigger(ir, List.of(), per);
    }

    /** The ALU IRs of one unit kind. */
    public static Trigger of(AluKind alu, Quantity per) {
        return new Trigger(IrKind.ALU, List.of(alu), per);
    }
}
