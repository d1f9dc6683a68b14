package org.pimsyn.sim.report;

import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.energy.EnergyBreakdown;
import org.pimsyn.sim.engine.Activity;

/**
 * The figures a design is judged by; also what the search's fitness evaluation returns.
 *
 * <p>Steady state: each image costs the dynamic energy of one image plus static power over one interval, so
 * {@code energyPerImagePj = dynamic / images + static power x intervalNs}, {@code steadyStatePowerMw =
 * energyPerImagePj / intervalNs}, {@code throughputGops = 2 x MACs per image / intervalNs} and
 * {@code gopsPerWatt = throughputGops / (steadyStatePowerMw / 1000)}. The run itself: {@code runEnergyPj} is all
 * dynamic energy plus static power over the makespan, {@code averagePowerMw} that over the makespan. The design
 * is within its budget when neither power exceeds it.
 *
 * @param images                   images that ran to their end
 * @param firstImageLatencyCycles  the cycle the first image ended (every image may start at cycle 0)
 * @param streamLatencyCycles      an image's arrival to its end in the stream (see {@link Activity#streamLatencyCycles})
 * @param intervalCycles           the steady-state interval between images, see {@link Activity#intervalCycles()}
 * @param boundIntervalCycles      the busiest resource's busy cycles per image: no run has a shorter interval
 * @param scratchpadsFit           every macro's scratchpad high-water mark is within its capacity
 */
public record Performance(
        int images,
        long cycles,
        long firstImageLatencyCycles,
        long streamLatencyCycles,
        long intervalCycles,
        IntervalBasis intervalBasis,
        long boundIntervalCycles,
        double intervalNs,
        double throughputGops,
        double energyPerImagePj,
        double runEnergyPj,
        double averagePowerMw,
        double steadyStatePowerMw,
        double powerBudgetMw,
        double gopsPerWatt,
        boolean withinPowerBudget,
        boolean scratchpadsFit) {

    public static Performance of(Activity activity, EnergyBreakdown energy) {
        Accelerator acc = activity.accelerator();
        long interval = activity.intervalCycles();
        double intervalNs = activity.nanoseconds(interval);
        double runNs = activity.nanoseconds(activity.cycles());
        double staticMw = energy.staticPowerMw();
        double dynamicPj = energy.dynamicPj();
        double perImagePj = dynamicPj / activity.images() + staticMw * intervalNs;
        double steadyMw = perImagePj / intervalNs;
        double runPj = dynamicPj + staticMw * runNs;
        double averageMw = runNs == 0 ? 0 : runPj / runNs;
        double gops = 2.0 * acc.macsPerImage() / intervalNs;
        double gopsPerWatt = perImagePj == 0 ? 0 : 2.0 * acc.macsPerImage() * 1000 / perImagePj;
        boolean fits = true;
        for (int m = 0; m < acc.macros().size(); m++) {
            fits &= activity.scratchpadHighWaterBits(m) <= acc.macros().get(m).scratchpad().capacityBits();
        }
        return new Performance(activity.images(), activity.cycles(), activity.firstImageLatencyCycles(),
                activity.streamLatencyCycles(), interval, basis(activity), activity.bottleneckCycles(), intervalNs, gops,
                perImagePj, runPj, averageMw, steadyMw, acc.powerBudgetMw(), gopsPerWatt,
                Math.max(averageMw, steadyMw) <= acc.powerBudgetMw(), fits);
    }

    private static IntervalBasis basis(Activity activity) {
        // A converged stream whose mean gap lies a little below the bound (image ends jitter about the bottleneck's
        // pace) runs at the bound: no stream is faster, and this one is no longer filling.
        if (activity.intervalConverged()) {
            return IntervalBasis.CONVERGED;
        }
        return activity.intervalMeasured() ? IntervalBasis.MEASURED : IntervalBasis.BOTTLENECK;
    }

    /** The interval over its bound: 1 where the run reaches the busiest resource's pace. */
    public double intervalToBoundRatio() {
        return (double) intervalCycles / boundIntervalCycles;
    }
}
