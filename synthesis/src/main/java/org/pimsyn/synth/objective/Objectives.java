package org.pimsyn.synth.objective;

import java.util.List;
import java.util.Optional;
import org.pimsyn.sim.report.Performance;

/** The objectives pimsyn provides, by name. */
public final class Objectives {
    /** Power efficiency in GOPS/W, the paper's objective, under the JSON key outputs always had. */
    public static final Objective EFFICIENCY = new Objective("efficiency", "power efficiency", "GOPS/W",
            "fitnessGopsPerWatt", Direction.HIGHER_IS_BETTER, Performance::gopsPerWatt,
            Optional.of(new EfficiencyBounds()));
    /** What a run optimises unless told otherwise. */
    public static final Objective DEFAULT = EFFICIENCY;

    private static final List<Objective> ALL = List.of(EFFICIENCY);

    private Objectives() {
    }

    public static List<Objective> all() {
        return ALL;
    }

    /** @throws IllegalArgumentException naming the objectives there are, where none has the name */
    public static Objective named(String name) {
        for (Objective o : ALL) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("no objective \"" + name + "\"; there are: "
                + String.join(", ", ALL.stream().map(Objective::name).toList()));
    }
}
