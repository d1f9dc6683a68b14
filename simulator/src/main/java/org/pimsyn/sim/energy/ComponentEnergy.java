package org.pimsyn.sim.energy;

/**
 * Energy of one component class over a run: dynamic (actions x energy per action) and static (static power x
 * run time). Classes: {@code crossbar}, {@code dac}, {@code adc}, {@code alu.<kind>}, {@code scratchpad}
 * (static = leakage), {@code noc} (static = routers).
 */
public record ComponentEnergy(String component, double dynamicPj, double staticPowerMw, double staticPj) {
    public double totalPj() {
        return dynamicPj + staticPj;
    }
}
