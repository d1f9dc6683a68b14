package org.pimsyn.sim.component;

import java.util.List;

/** One action of a component class (a read, a conversion, an operation, a flit over a hop) and what counts it. */
public record ComponentAction(String name, List<Trigger> countedOn) {
    public ComponentAction {
        countedOn = countedOn == null ? List.of() : List.copyOf(countedOn);
    }

    public static ComponentAction of(String name, Trigger... countedOn) {
        return new ComponentAction(name, List.of(countedOn));
    }
}
