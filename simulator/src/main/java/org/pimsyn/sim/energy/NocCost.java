package org.pimsyn.sim.energy;

/**
 * The mesh NoC: per-hop latency, energy of one flit through one router and over one link, and static power
 * of one router (the mesh has one per position).
 */
public record NocCost(double hopLatencyNs, double routerEnergyPj, double linkEnergyPj, double routerStaticPowerMw) {
}
