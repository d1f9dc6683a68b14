package org.pimsyn.sim.energy;

/** One ADC of a resolution: one conversion of one column output. */
public record AdcCost(int resolutionBits, double latencyNs, double energyPj, double staticPowerMw) {
}
