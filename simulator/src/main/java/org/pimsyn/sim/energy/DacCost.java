package org.pimsyn.sim.energy;

/** One DAC of a resolution: one conversion (one crossbar row driven for one bit slice). */
public record DacCost(int resolutionBits, double latencyNs, double energyPj, double staticPowerMw) {
}
