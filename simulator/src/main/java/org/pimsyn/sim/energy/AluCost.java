package org.pimsyn.sim.energy;

import org.pimsyn.sim.ir.AluKind;

/** One ALU unit of a kind: one operation on up to its vector width of elements. */
public record AluCost(AluKind kind, double latencyNs, double energyPj, double staticPowerMw) {
}
