package org.pimsyn.sim.engine;

import org.pimsyn.sim.ir.AluKind;

/**
 * Description of one simulated resource.
 *
 * @param id       index used by every per-resource callback and array
 * @param macro    owning macro; -1 for a NoC link
 * @param layer    the layer of a CROSSBARS resource; -1 otherwise
 * @param aluKind  kind of an ALU resource; null otherwise
 * @param capacity identical units that can serve IRs at once (1 for an exclusive server)
 * @param fromRow  NoC link source mesh row (-1 for other kinds); likewise fromCol, toRow, toCol
 */
public record ResourceInfo(int id, ResourceKind kind, String name, int macro, int layer, AluKind aluKind,
        int capacity, int fromRow, int fromCol, int toRow, int toCol) {
}
