package org.pimsyn.sim.arch;

import org.pimsyn.sim.ir.AluKind;

/** A macro's vector ALU units of one kind: {@code count} units, each {@code vectorWidth} elements wide. */
public record AluUnits(AluKind kind, int count, int vectorWidth) {
}
