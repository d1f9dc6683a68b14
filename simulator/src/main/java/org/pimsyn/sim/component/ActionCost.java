package org.pimsyn.sim.component;

/** What one action of a component costs: its dynamic energy and how long it takes. */
public record ActionCost(String action, double energyPj, double latencyNs) {
}
