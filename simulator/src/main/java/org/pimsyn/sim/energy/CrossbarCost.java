package org.pimsyn.sim.energy;

/** One crossbar type ({@code size} x {@code size}, {@code cellBits} per cell): one read of one crossbar. */
public record CrossbarCost(int size, int cellBits, double readLatencyNs, double readEnergyPj, double staticPowerMw) {
}
