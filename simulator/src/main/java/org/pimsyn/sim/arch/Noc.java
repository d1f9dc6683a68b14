package org.pimsyn.sim.arch;

/**
 * The mesh network between macros: packets are cut into flits of {@code flitWidthBits}; each directional
 * link moves {@code linkWidthBits} per cycle. Routing is dimension-ordered (XY): along the row to the
 * destination column, then along the column.
 */
public record Noc(int flitWidthBits, int linkWidthBits) {
    /** Cycles one flit occupies a link: ceil(flit width / link width). */
    public int cyclesPerFlit() {
        return (flitWidthBits + linkWidthBits - 1) / linkWidthBits;
    }
}
