package org.pimsyn.sim.arch;

/**
 * The crossbars one macro holds for one layer: {@code count} crossbars of {@code size} x {@code size} cells
 * of {@code cellBits} bits. Together they are the layer's crossbar set in that macro, read by one MVM at a
 * time.
 */
public record CrossbarGroup(int layer, int count, int size, int cellBits) {
}
