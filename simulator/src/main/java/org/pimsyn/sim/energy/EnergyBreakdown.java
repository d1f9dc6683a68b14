package org.pimsyn.sim.energy;

import java.util.List;

/** Energy of a run per component class, with the run time the static part was charged over. */
public record EnergyBreakdown(List<ComponentEnergy> components, double timeNs) {
    public EnergyBreakdown {
        components = List.copyOf(components);
    }

    public double dynamicPj() {
        double sum = 0;
        for (ComponentEnergy c : components) {
            sum += c.dynamicPj();
        }
        return sum;
    }

    /** Static power of every instantiated component together. */
    public double staticPowerMw() {
        double sum = 0;
        for (ComponentEnergy c : components) {
            sum += c.staticPowerMw();
        }
        return sum;
    }

    public double staticPj() {
        double sum = 0;
        for (ComponentEnergy c : components) {
            sum += c.staticPj();
        }
        return sum;
    }

    public double totalPj() {
        return dynamicPj() + staticPj();
    }

    /** The class's entry, or null when the design has no such component. */
    public ComponentEnergy component(String name) {
        for (ComponentEnergy c : components) {
            if (c.component().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
