package org.pimsyn.sim.engine;

import java.util.Arrays;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.count.ActionCounts;
import org.pimsyn.sim.count.ComponentInventory;
import org.pimsyn.sim.timing.TimingRules;

/**
 * What one simulation counted, before any pricing: timing (makespan, per-image and per-layer cycles),
 * per-resource busy and waiting cycles, scratchpad high-water marks, and the {@link ActionCounts} of every
 * component (totals over all images). {@link org.pimsyn.sim.energy.EnergyModel} prices the counts, with the
 * library used for the simulation or any other, without simulating again.
 *
 * <p>Per-layer cycles are kept per image; the one-argument forms give the first image's. Busy cycles of a pool
 * resource are unit-cycles.
 */
public final class Activity {
    private final Accelerator accelerator;
    private final RunPlan plan;
    private final int images;
    private final long irExecutions;
    private final long cycles;
    private final long[] imageEndCycles;
    /** Indexed {@code image * layers + layer}. */
    private final long[] layerFirstStart;
    private final long[] layerLastEnd;
    private final ResourceTable resources;
    private final long[] busyCycles;
    private final long[] waitCycles;
    private final long inputRegisterWaitCycles;
    private final long outputRegisterWaitCycles;
    private final long[] highWaterBits;
    private final int layers;
    private final ActionCounts actions;
    private final boolean timed;
    /** The shift by which the schedule repeated itself where that stopped the run, else 0, and its period. */
    private final long repeatedShiftCycles;
    private final int repeatedPeriodImages;
    private final long latencyAloneCycles;
    private final long[] arrivalCycles;
    /** See {@link #bottleneckCycles()}. */
    private final long boundCycles;

    /**
     * The counts of a run; {@code loop} null for counting without timing ({@link SimulationEngine#count}): no
     * cycles, no waits, no scratchpad occupancy, and the interval is the bottleneck alone.
     */
    Activity(CompiledProgram c, RunPlan plan, LoopResults loop) {
        DesignTables d = c.design;
        accelerator = d.accelerator;
        this.plan = plan;
        timed = loop != null;
        images = timed ? loop.images() : c.images;
        repeatedShiftCycles = timed ? loop.repeatedShiftCycles() : 0;
        repeatedPeriodImages = timed ? loop.repeatedPeriodImages() : 1;
        latencyAloneCycles = timed ? loop.latencyAloneCycles() : 0;
        arrivalCycles = timed ? loop.arrivalCycles() : new long[images];
        boundCycles = c.boundCycles();
        irExecutions = (long) c.program.size() * images;
        resources = c.resources;
        if (timed) {
            cycles = loop.cycles();
            imageEndCycles = loop.imageEndCycles();
            layerFirstStart = loop.layerFirstStart();
            layerLastEnd = loop.layerLastEnd();
            waitCycles = loop.waitCycles();
            inputRegisterWaitCycles = loop.inputRegisterWaitCycles();
            outputRegisterWaitCycles = loop.outputRegisterWaitCycles();
            highWaterBits = loop.highWaterBits();
        } else {
            cycles = 0;
            imageEndCycles = new long[images];
            layerFirstStart = new long[images * d.layers];
            layerLastEnd = new long[images * d.layers];
            Arrays.fill(layerFirstStart, -1);
            Arrays.fill(layerLastEnd, -1);
            waitCycles = new long[resources.size()];
            inputRegisterWaitCycles = 0;
            outputRegisterWaitCycles = 0;
            highWaterBits = new long[d.macros];
        }
        busyCycles = times(c.busyCycles, images);
        layers = d.layers;
        actions = ActionCounts.of(ComponentInventory.of(accelerator), c.tallies, images, d.library);
    }

    private static long[] times(long[] perImage, int images) {
        long[] total = new long[perImage.length];
        for (int i = 0; i < total.length; i++) {
            total[i] = perImage[i] * images;
        }
        return total;
    }

    /** False for counts taken without running the event loop: every timing figure is then 0 or -1. */
    public boolean timed() {
        return timed;
    }

    public Accelerator accelerator() {
        return accelerator;
    }

    public int images() {
        return images;
    }

    /** IR executions: program size x images. */
    public long irExecutions() {
        return irExecutions;
    }

    /** Makespan: the cycle the last IR of the last image ends. */
    public long cycles() {
        return cycles;
    }

    public double nanoseconds(long cycleCount) {
        return cycleCount / accelerator.clockGhz();
    }

    public long imageEndCycle(int image) {
        return imageEndCycles[image];
    }

    /** The first image's latency: the cycle its last IR ends (everything starts at cycle 0). */
    public long firstImageLatencyCycles() {
        return imageEndCycles[0];
    }

    /** How the run streamed its images; {@link #images()} is how many ran to their end. */
    public RunPlan plan() {
        return plan;
    }

    /**
     * The interval between images as the run shows it: where the schedule repeated itself every p images by a
     * shift of S cycles (which stops a run until steady; a fixed run goes on), S / p rounded up; else the mean gap between image ends over the last
     * two windows of the plan's rule ({@link SteadyStateRule}), or over all gaps after its warm-up where the run has
     * fewer (all gaps where it has no more than the warm-up), rounded up to whole cycles; 0 with one image or
     * without timing.
     */
    public long measuredIntervalCycles() {
        if (!timed || images < 2) {
            return 0;
        }
        if (repeatedShiftCycles > 0) {
            return TimingRules.ceilDiv(repeatedShiftCycles, repeatedPeriodImages);
        }
        // After the warm-up where the run has gaps beyond it: the first gaps are the pipeline filling.
        int afterWarmup = images - 1 - plan.rule().warmupImages();
        int gaps = Math.min(afterWarmup > 0 ? afterWarmup : images - 1, 2 * plan.rule().windowImages());
        return TimingRules.ceilDiv(imageEndCycles[images - 1] - imageEndCycles[images - 1 - gaps], gaps);
    }

    /**
     * Whether the interval converged: the run's schedule repeated itself (see {@link EventLoop}), or the last two
     * windows of gaps agree by the plan's rule (never with fewer images than it needs).
     */
    public boolean intervalConverged() {
        return timed && (repeatedShiftCycles > 0 || plan.rule().converged(imageEndCycles, images - 1));
    }

    /** Whether the run's schedule repeated itself exactly: a run until steady stops there, a fixed run goes on. */
    public boolean scheduleRepeated() {
        return repeatedShiftCycles > 0;
    }

    /** The period, in images, with which the schedule repeated itself; 1 where it did not. */
    public int repeatedPeriodImages() {
        return repeatedPeriodImages;
    }

    /**
     * True when the reported interval is the measured one: two or more images ran, and their mean gap was not
     * shorter than the bottleneck.
     */
    public boolean intervalMeasured() {
        return timed && images >= 2 && measuredIntervalCycles() >= bottleneckCycles();
    }

    /**
     * The steady-state interval between images: {@link #measuredIntervalCycles()}, but never less than
     * {@link #bottleneckCycles()}; with one image, the bottleneck alone. A resource serves at most one image's work
     * per bottleneck period, so no steady state is faster; a short run whose images end close together is still
     * filling the pipeline, and its gap would overstate throughput and power.
     */
    public long intervalCycles() {
        return intervalMeasured() ? measuredIntervalCycles() : bottleneckCycles();
    }

    /**
     * The latency in the stream: from an image's arrival (see {@code traces/README.md}) to its end, the longest over
     * the last period of a run until steady stopped by its schedule's repetition (whose images' latencies differ
     * within a period), else the last image's; with one image, the image's latency alone. 0 without timing.
     */
    public long streamLatencyCycles() {
        if (!timed) {
            return 0;
        }
        // A fixed run's last images run with fewer behind them: only the last one's latency is reported there.
        int period = plan.streamsToSteadyState() ? repeatedPeriodImages : 1;
        long longest = 0;
        for (int k = Math.max(0, images - period); k < images; k++) {
            longest = Math.max(longest, imageEndCycles[k] - arrivalCycles[k]);
        }
        return longest;
    }

    /** One image's latency when it runs alone, no other image in flight; 0 without timing. */
    public long latencyAloneCycles() {
        return latencyAloneCycles;
    }

    /** The largest per-image busy time of any resource, per unit for pools (rounded up); at least 1. */
    public long bottleneckCycles() {
        return boundCycles;
    }

    /** The resource's busy time per image, per unit for pools (rounded up). */
    public long busyCyclesPerImage(int resource) {
        return TimingRules.ceilDiv(busyCycles[resource], (long) images * resources.capacity(resource));
    }

    /** First cycle any IR of the layer started, in the first image; -1 if the layer has no IR. */
    public long layerFirstStart(int layer) {
        return layerFirstStart(0, layer);
    }

    /** Cycle the layer's last IR ended, in the first image; -1 if the layer has no IR. */
    public long layerLastEnd(int layer) {
        return layerLastEnd(0, layer);
    }

    /** First cycle any IR of the layer started for that image (0..images-1); -1 if the layer has no IR. */
    public long layerFirstStart(int image, int layer) {
        return layerFirstStart[index(image, layer)];
    }

    /** Cycle the layer's last IR for that image ended; -1 if the layer has no IR. */
    public long layerLastEnd(int image, int layer) {
        return layerLastEnd[index(image, layer)];
    }

    private int index(int image, int layer) {
        if (image < 0 || image >= images || layer < 0 || layer >= layers) {
            throw new IndexOutOfBoundsException("image " + image + " of " + images + ", layer " + layer + " of "
                    + layers);
        }
        return image * layers + layer;
    }

    public int layerCount() {
        return layers;
    }

    public ResourceTable resources() {
        return resources;
    }

    /** Cycles (unit-cycles for pools) the resource served IRs. */
    public long busyCycles(int resource) {
        return busyCycles[resource];
    }

    /** Busy time over capacity x makespan. */
    public double utilization(int resource) {
        return cycles == 0 ? 0 : busyCycles[resource] / ((double) cycles * resources.capacity(resource));
    }

    /** Cycles IRs spent queued for the resource (summed over IRs): its conflict stalls. */
    public long waitCycles(int resource) {
        return waitCycles[resource];
    }

    /**
     * Cycles MVMs spent waiting for a sample-and-hold slot of their crossbar set, summed over MVMs: stalls of the
     * back-pressure rule, apart from the resources' wait cycles.
     */
    public long sampleHoldWaitCycles() {
        long sum = 0;
        for (int r = resources.size(); r < waitCycles.length; r++) {
            sum += waitCycles[r];
        }
        return sum;
    }

    /**
     * Cycles LOADs spent waiting for an input register of their crossbar set once nothing else held them back,
     * summed over LOADs: stalls of the input-register rule.
     */
    public long inputRegisterWaitCycles() {
        return inputRegisterWaitCycles;
    }

    /**
     * Cycles blocks' first MVMs spent waiting for an output register of their crossbar set once nothing else held
     * them back, summed over those MVMs: stalls of the output-register rule.
     */
    public long outputRegisterWaitCycles() {
        return outputRegisterWaitCycles;
    }

    /** Highest scratchpad occupancy of a macro, in bits (see "Timing rules" for what counts). */
    public long scratchpadHighWaterBits(int macro) {
        return highWaterBits[macro];
    }

    /** Every component's action counts over all images. */
    public ActionCounts actions() {
        return actions;
    }

    /** The run's makespan in ns: the time static power is charged over. */
    public double timeNs() {
        return nanoseconds(cycles);
    }
}
