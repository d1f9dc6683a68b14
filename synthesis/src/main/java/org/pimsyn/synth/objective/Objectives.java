package org.pimsyn.synth.objective;

import java.util.List;
import java.util.Optional;
import org.pimsyn.sim.chip.AreaModel;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.synth.design.Design;

/** The objectives pimsyn provides, by name. */
public final class Objectives {
    /** Power efficiency in GOPS/W, the paper's objective, under the JSON key outputs always had. */
    public static final Objective EFFICIENCY = new Objective("efficiency", "power efficiency", "GOPS/W",
            "fitnessGopsPerWatt", Direction.HIGHER_IS_BETTER, d -> d.performance().gopsPerWatt(),
            Optional.of(new EfficiencyBounds()));
    /**
     * Effective throughput: the simulated steady-state GOPS (2 operations per MAC over the interval) of a design
     * within the power budget. Its bound: 2 x MACs over the least interval.
     */
    public static final Objective THROUGHPUT = new Objective("throughput", "throughput", "GOPS", "fitnessGops",
            Direction.HIGHER_IS_BETTER, d -> d.performance().throughputGops(),
            Optional.of(new FloorBounds(f -> f.throughputGops())));
    /**
     * Energy-delay product per image, the PIMSYN paper's Table V figure: energy per image (steady state: dynamic
     * energy plus static power over the interval) x the latency of one image (the first image's, from its arrival
     * at cycle 0 to its end), in pJ x ns; lower is better. Its bound: the least energy x the least latency.
     */
    public static final Objective EDP = new Objective("edp", "energy-delay product", "pJ x ns", "fitnessEdpPjNs",
            Direction.LOWER_IS_BETTER, Objectives::edpPjNs,
            Optional.of(new FloorBounds(f -> 1 / (f.energyPerImagePj() * f.latencyNs()))));
    /**
     * Area efficiency: the simulated throughput over the chip's area, as the report's {@code area.gopsPerMm2}. Needs
     * the area of every component. Its bound: the throughput bound over the least area.
     */
    public static final Objective AREA_EFFICIENCY = new Objective("area-efficiency", "area efficiency",
            "GOPS/mm2", "fitnessGopsPerMm2", Direction.HIGHER_IS_BETTER,
            Objectives::gopsPerMm2, Optional.of(new FloorBounds(f -> f.throughputGops() / f.areaMm2())), true);
    /** What a run optimises unless told otherwise. */
    public static final Objective DEFAULT = EFFICIENCY;

    private static final List<Objective> ALL = List.of(EFFICIENCY, THROUGHPUT, EDP, AREA_EFFICIENCY);

    private Objectives() {
    }

    public static List<Objective> all() {
        return ALL;
    }

    /** The names there are, for messages: {@code efficiency, throughput, edp, area-efficiency}. */
    public static String names() {
        return String.join(", ", ALL.stream().map(Objective::name).toList());
    }

    /** @throws IllegalArgumentException naming the objectives there are, where none has the name */
    public static Objective named(String name) {
        for (Objective o : ALL) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("no objective \"" + name + "\"; there are: " + names());
    }

    /**
     * A design's simulated throughput over its area, in GOPS/mm2; 0 where its library leaves an area out, which a
     * run of this objective refuses before it starts, so only a changed file shows it.
     */
    public static double gopsPerMm2(Design design) {
        Double mm2 = AreaModel.of(design.accelerator(), design.library()).areaMm2();
        return mm2 == null ? 0 : design.performance().throughputGops() / mm2;
    }

    /** A design's energy per image x its first image's latency, in pJ x ns. */
    public static double edpPjNs(Design design) {
        Performance p = design.performance();
        return p.energyPerImagePj() * (p.firstImageLatencyCycles() / design.accelerator().clockGhz());
    }
}
