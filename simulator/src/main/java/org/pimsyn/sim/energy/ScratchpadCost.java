package org.pimsyn.sim.energy;

/** A scratchpad of a capacity: one bus-wide read or write access, and its leakage. */
public record ScratchpadCost(int capacityKb, double readLatencyNs, double writeLatencyNs, double readEnergyPj,
        double writeEnergyPj, double leakagePowerMw) {
}
