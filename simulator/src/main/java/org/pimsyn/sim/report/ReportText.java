package org.pimsyn.sim.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.pimsyn.sim.energy.ComponentEnergy;

/** The report as text for the command line: headline figures, then per-layer, energy and resource tables. */
public final class ReportText {
    private ReportText() {
    }

    /** The interval's basis in words: how the run measured it, or that it is the bound. */
    public static String basis(SimulationReport report) {
        Performance p = report.performance();
        int period = report.run().repeatedPeriodImages();
        return switch (p.intervalBasis()) {
            case CONVERGED -> period > 0
                    ? "measured, converged: the schedule repeated itself every " + (period == 1 ? "image"
                            : period + " images") + " (" + p.images() + " images streamed)"
                    : "measured, converged: the mean gaps of the last two windows agreed"
                            + (p.intervalCycles() == p.boundIntervalCycles() ? ", at the bound" : "") + " ("
                            + p.images() + " images streamed)";
            case MEASURED -> "measured over " + p.images() + " images, NOT converged";
            case BOTTLENECK -> "the bound (busiest resource's busy time), not measured";
        };
    }

    public static String summary(SimulationReport report) {
        StringBuilder out = new StringBuilder();
        SimulationReport.Run run = report.run();
        Performance p = report.performance();
        line(out, "Simulated %d image%s: %,d cycles (%s at %.3f GHz), %,d IR executions", run.images(),
                run.images() == 1 ? "" : "s", run.cycles(), time(run.timeNs()), run.clockGhz(), run.irExecutions());
        line(out, "Streamed: %s", run.plan());
        line(out, "Interval between images: %,d cycles (%s), %s", p.intervalCycles(), time(p.intervalNs()),
                basis(report));
        line(out, "Bound on the interval (busiest resource): %,d cycles; interval / bound = %.3f",
                p.boundIntervalCycles(), p.intervalToBoundRatio());
        line(out, "Latency: %,d cycles (%s) for one image alone, %,d cycles (%s) in the stream",
                run.latencyAloneCycles(), time(run.latencyAloneCycles() / run.clockGhz()), p.streamLatencyCycles(),
                time(p.streamLatencyCycles() / run.clockGhz()));
        line(out, "Sample-and-hold waits: %,d cycles, summed over the MVMs that waited for a slot",
                run.sampleHoldWaitCycles());
        line(out, "Register waits: %,d cycles of LOADs for input registers, %,d of blocks' first MVMs for output "
                + "registers, summed over the IRs that waited", run.inputRegisterWaitCycles(),
                run.outputRegisterWaitCycles());
        line(out, "Throughput: %,.2f GOPS; energy per image: %s", p.throughputGops(), energy(p.energyPerImagePj()));
        line(out, "Power: %,.2f mW steady state, %,.2f mW run average; budget %,.2f mW: %s", p.steadyStatePowerMw(),
                p.averagePowerMw(), p.powerBudgetMw(), p.withinPowerBudget() ? "within" : "EXCEEDED");
        line(out, "Power efficiency: %,.2f GOPS/W", p.gopsPerWatt());
        out.append('\n');

        line(out, "Layers (first image)");
        line(out, "%6s  %-28s %14s %14s %14s", "layer", "name", "first start", "last end", "span");
        for (SimulationReport.LayerTiming l : report.layers()) {
            line(out, "%6d  %-28s %,14d %,14d %,14d", l.layer(), clip(l.name(), 28), l.firstStartCycle(),
                    l.lastEndCycle(), l.spanCycles());
        }
        out.append('\n');

        line(out, "Energy over the run");
        line(out, "%-16s %16s %16s %16s %7s", "component", "dynamic", "static", "total", "share");
        double total = run.totalEnergyPj();
        for (ComponentEnergy e : report.energy()) {
            line(out, "%-16s %16s %16s %16s %6.1f%%", e.component(), energy(e.dynamicPj()), energy(e.staticPj()),
                    energy(e.totalPj()), total == 0 ? 0 : 100 * e.totalPj() / total);
        }
        line(out, "%-16s %16s %16s %16s", "total", energy(run.dynamicEnergyPj()), energy(run.staticEnergyPj()),
                energy(total));
        if (!report.notPriced().isEmpty()) {
            line(out, "Not priced by the component library (parts of the paper's Fig. 2):");
            for (String part : report.notPriced()) {
                line(out, "  %s", part);
            }
        }
        out.append('\n');

        // Wait cycles add up the queueing of every IR, so many IRs queued at once exceed the run's cycles.
        line(out, "Resources (busiest first; wait cycles are summed over the IRs that waited, so they may exceed "
                + "the run's cycles)");
        line(out, "%-22s %-11s %4s %16s %7s %16s", "resource", "kind", "cap", "busy cycles", "util", "wait cycles");
        List<SimulationReport.ResourceUsage> byUse = new ArrayList<>(report.resources());
        byUse.sort(Comparator.comparingDouble(SimulationReport.ResourceUsage::utilization).reversed()
                .thenComparingInt(SimulationReport.ResourceUsage::id));
        for (SimulationReport.ResourceUsage r : byUse) {
            line(out, "%-22s %-11s %4d %,16d %6.1f%% %,16d", clip(r.name(), 22), r.kind(), r.capacity(), r.busyCycles(),
                    100 * r.utilization(), r.waitCycles());
        }
        out.append('\n');

        long over = report.scratchpads().stream().filter(SimulationReport.ScratchpadUsage::exceedsCapacity).count();
        long highest = report.scratchpads().stream().mapToLong(SimulationReport.ScratchpadUsage::highWaterBytes)
                .max().orElse(0);
        line(out, "Scratchpads: highest high-water mark %,d B; %d of %d over capacity", highest, over,
                report.scratchpads().size());
        if (report.violations().isEmpty()) {
            line(out, "Violations: none");
        } else {
            line(out, "Violations:");
            for (String v : report.violations()) {
                line(out, "  - %s", v);
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "~";
    }

    /** A duration with the unit that keeps it readable: {@code 312.5 ns}, {@code 116.533 us}, {@code 1.250 ms}. */
    public static String time(double ns) {
        if (ns >= 1e6) {
            return String.format(Locale.ROOT, "%.3f ms", ns / 1e6);
        }
        if (ns >= 1e3) {
            return String.format(Locale.ROOT, "%.3f us", ns / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f ns", ns);
    }

    static String energy(double pj) {
        if (pj >= 1e9) {
            return String.format(Locale.ROOT, "%.3f mJ", pj / 1e9);
        }
        if (pj >= 1e6) {
            return String.format(Locale.ROOT, "%.3f uJ", pj / 1e6);
        }
        if (pj >= 1e3) {
            return String.format(Locale.ROOT, "%.3f nJ", pj / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f pJ", pj);
    }
}
