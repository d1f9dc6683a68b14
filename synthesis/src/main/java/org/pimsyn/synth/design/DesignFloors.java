package org.pimsyn.synth.design;

/**
 * What every feasible design of a set spends at least, as {@link FitnessUpperBound} proves it for all designs of a
 * design point and {@link AnyUnitsBound} for a gene's design with any numbers of ADC and ALU units: the energy per
 * image, the time per image of the busiest resource every design has, and the chip's area. Each objective's bounds
 * follow from them; a feasible design is one within the power budget.
 *
 * @param energyPerImagePj no feasible design spends less energy per image (dynamic plus static over the interval)
 * @param busyNs           the busiest crossbar set (or scratchpad, link, unit pool at what the budget buys) needs at
 *                         least this per image: no interval and no first image's latency is shorter
 * @param budgetMw         the power budget
 * @param areaMm2          no design is smaller (0 where the library gives no areas)
 * @param macsPerImage     the network's MACs per image
 */
public record DesignFloors(double energyPerImagePj, double busyNs, double budgetMw, double areaMm2,
        long macsPerImage) {
    /**
     * No interval is shorter: the busy time, and the energy per image over the budget, since a feasible design's
     * steady-state power (energy per image over the interval) is within the budget.
     */
    public double intervalNs() {
        return Math.max(busyNs, energyPerImagePj / budgetMw);
    }

    /** No first image ends sooner: it needs one image's work of the busiest resource. */
    public double latencyNs() {
        return busyNs;
    }

    /** No feasible design is faster: 2 operations per MAC over the least interval, in GOPS. */
    public double throughputGops() {
        return 2.0 * macsPerImage / intervalNs();
    }
}
