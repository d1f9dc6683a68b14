package org.pimsyn.sim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.energy.ComponentEnergy;
import org.pimsyn.sim.energy.EnergyBreakdown;
import org.pimsyn.sim.engine.Activity;
import org.pimsyn.sim.engine.ResourceKind;
import org.pimsyn.sim.engine.ResourceTable;
import org.pimsyn.sim.engine.RunPlan;

/**
 * Everything one simulation found, as a tree of records that Jackson writes to and reads from
 * {@code report.json} ({@link ReportJson}); {@link ReportText} renders it for the command line.
 *
 * @param energy      per component class over the whole run
 * @param layers      timing of the first image, for layers that have IRs
 * @param violations  design violations in words (scratchpad over capacity, power over budget); empty if none
 * @param notPriced   the parts of the paper's Fig. 2 the component library does not price, in words
 *                    ({@link ComponentLibrary#notPriced()}); empty where it prices them all
 */
public record SimulationReport(
        Run run,
        Performance performance,
        List<ComponentEnergy> energy,
        List<LayerTiming> layers,
        List<ResourceUsage> resources,
        List<ScratchpadUsage> scratchpads,
        List<String> violations,
        List<String> notPriced) {

    public SimulationReport {
        notPriced = notPriced == null ? List.of() : List.copyOf(notPriced);
        energy = List.copyOf(energy);
        layers = List.copyOf(layers);
        resources = List.copyOf(resources);
        scratchpads = List.copyOf(scratchpads);
        violations = List.copyOf(violations);
    }

    /**
     * @param images             images that ran to their end
     * @param plan               how the images were streamed, in words ({@link RunPlan#describe()})
     * @param arbitration        the arbitration order's label
     * @param latencyAloneCycles one image's latency when it runs alone, no other image in flight
     * @param sampleHoldWaitCycles cycles MVMs waited for a sample-and-hold slot, summed over MVMs
     * @param inputRegisterWaitCycles cycles LOADs waited for an input register once nothing else held them back,
     *                           summed over LOADs
     * @param outputRegisterWaitCycles cycles blocks' first MVMs waited for an output register once nothing else held
     *                           them back, summed over those MVMs
     * @param timeNs             makespan in ns; energies are over the whole run
     * @param repeatedPeriodImages the period, in images, with which the schedule repeated itself (a run until steady
     *                             stops there, a fixed run goes on); 0 where it did not
     */
    public record Run(double clockGhz, int images, int repeatedPeriodImages, String plan, String arbitration,
            long latencyAloneCycles,
            long sampleHoldWaitCycles, long inputRegisterWaitCycles, long outputRegisterWaitCycles, long irExecutions,
            long cycles, double timeNs, double dynamicEnergyPj, double staticEnergyPj,
            double totalEnergyPj) {
    }

    public record LayerTiming(int layer, String name, long firstStartCycle, long lastEndCycle, long spanCycles) {
    }

    /**
     * @param busyCycles  cycles serving IRs (unit-cycles for a pool)
     * @param utilization busy over capacity x makespan
     * @param waitCycles  cycles IRs spent queued for it (conflict stalls), summed over IRs
     */
    public record ResourceUsage(int id, String name, ResourceKind kind, int capacity, long busyCycles,
            double utilization, long waitCycles) {
    }

    public record ScratchpadUsage(int macro, long highWaterBytes, long capacityBytes, boolean exceedsCapacity) {
    }

    public static SimulationReport of(Activity activity, EnergyBreakdown energy) {
        return of(activity, energy, List.of());
    }

    /** The report, with the parts of Fig. 2 the pricing library left out ({@link ComponentLibrary#notPriced()}). */
    public static SimulationReport of(Activity activity, EnergyBreakdown energy, List<String> notPriced) {
        Accelerator acc = activity.accelerator();
        Performance perf = Performance.of(activity, energy);
        Run run = new Run(acc.clockGhz(), activity.images(),
                activity.scheduleRepeated() ? activity.repeatedPeriodImages() : 0, activity.plan().describe(),
                activity.plan().arbitration().label(), activity.latencyAloneCycles(), activity.sampleHoldWaitCycles(),
                activity.inputRegisterWaitCycles(), activity.outputRegisterWaitCycles(),
                activity.irExecutions(), activity.cycles(),
                activity.nanoseconds(activity.cycles()), energy.dynamicPj(), energy.staticPj(), energy.totalPj());
        List<LayerTiming> layers = new ArrayList<>();
        for (int l = 0; l < activity.layerCount(); l++) {
            if (activity.layerFirstStart(l) >= 0) {
                layers.add(new LayerTiming(l, acc.layerName(l), activity.layerFirstStart(l), activity.layerLastEnd(l),
                        activity.layerLastEnd(l) - activity.layerFirstStart(l)));
            }
        }
        ResourceTable table = activity.resources();
        List<ResourceUsage> resources = new ArrayList<>();
        for (int r = 0; r < table.size(); r++) {
            resources.add(new ResourceUsage(r, table.name(r), table.kind(r), table.capacity(r),
                    activity.busyCycles(r), activity.utilization(r), activity.waitCycles(r)));
        }
        List<ScratchpadUsage> scratchpads = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        for (int m = 0; m < acc.macros().size(); m++) {
            long high = (activity.scratchpadHighWaterBits(m) + 7) / 8;
            long capacity = acc.macros().get(m).scratchpad().capacityBits() / 8;
            scratchpads.add(new ScratchpadUsage(m, high, capacity, high > capacity));
            if (high > capacity) {
                violations.add(String.format(Locale.ROOT,
                        "macro %d scratchpad high-water mark %,d B exceeds its capacity of %,d B", m, high, capacity));
            }
        }
        if (!perf.withinPowerBudget()) {
            violations.add(String.format(Locale.ROOT,
                    "power %,.1f mW (steady state) / %,.1f mW (run average) exceeds the %,.1f mW budget",
                    perf.steadyStatePowerMw(), perf.averagePowerMw(), perf.powerBudgetMw()));
        }
        return new SimulationReport(run, perf, energy.components(), layers, resources, scratchpads, violations,
                notPriced);
    }
}
