package org.pimsyn.synth.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.sim.report.ReportText;
import org.pimsyn.sim.report.SimulationReport;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.output.LayerTable;

/** A design for the terminal: its point, its layer table and its headline figures. */
final class DesignText {
    private DesignText() {
    }

    static String point(DesignPoint p) {
        return "RatioRram " + TextTable.number(p.ratioRram()) + ", ResRram " + p.resRramBits() + " bits, XbSize "
                + p.xbSizeRows() + ", ResDAC " + p.resDacBits() + " bits, ADC " + p.adcBits() + " bits";
    }

    /** Layer, duplication, macros, sharing, crossbars per macro, then the units of each component present. */
    static String layers(LayerTable table) {
        List<String> components = new ArrayList<>();
        for (String c : LayerTable.COMPONENTS) {
            if (table.rows().stream().anyMatch(r -> r.components().containsKey(c))) {
                components.add(c);
            }
        }
        List<String> header = new ArrayList<>(List.of("layer", "duplication", "macros", "sharesMacrosWith",
                "crossbarsPerMacro"));
        header.addAll(components);
        TextTable t = TextTable.withHeader(header.toArray(String[]::new));
        t.alignRight(1, 2, 4);
        for (int c = 5; c < header.size(); c++) {
            t.alignRight(c);
        }
        for (LayerTable.Row r : table.rows()) {
            List<Object> cells = new ArrayList<>();
            cells.add(r.name());
            cells.add(r.duplication());
            cells.add(r.weightLayer() ? r.macros() : "-");
            cells.add(r.sharesMacrosWith().isEmpty() ? "-" : String.join(", ", r.sharesMacrosWith()));
            cells.add(r.weightLayer() ? r.macroSizeCrossbars() : "-");
            for (String c : components) {
                Integer units = r.components().get(c);
                cells.add(units == null ? "-" : units);
            }
            t.row(cells.toArray());
        }
        return t.render();
    }

    /**
     * An objective's value for the console: grouped digits with {@code decimals} decimals, or from 10^9 on (an
     * energy-delay product in pJ x ns) 5 significant digits and an exponent.
     */
    static String value(double v, int decimals) {
        return Math.abs(v) >= 1e9 ? String.format(Locale.ROOT, "%.4e", v)
                : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    static String figures(SimulationReport report, double clockGhz) {
        Performance p = report.performance();
        long latencyAloneCycles = report.run().latencyAloneCycles();
        StringBuilder s = new StringBuilder();
        line(s, "Power efficiency: %,.2f GOPS/W", p.gopsPerWatt());
        line(s, "Throughput: %,.2f GOPS (an image every %,d cycles, %s; %s)", p.throughputGops(),
                p.intervalCycles(), ReportText.time(p.intervalNs()), ReportText.basis(report));
        line(s, "Bound on the interval (busiest resource): %,d cycles; interval / bound = %.3f",
                p.boundIntervalCycles(), p.intervalToBoundRatio());
        line(s, "Power: %,.2f mW steady state, %,.2f mW run average; budget %,.2f mW (%s)", p.steadyStatePowerMw(),
                p.averagePowerMw(), p.powerBudgetMw(), p.withinPowerBudget() ? "within" : "EXCEEDED");
        line(s, "Latency: %,d cycles (%s) for one image alone, %,d cycles (%s) in the stream",
                latencyAloneCycles, ReportText.time(latencyAloneCycles / clockGhz), p.streamLatencyCycles(),
                ReportText.time(p.streamLatencyCycles() / clockGhz));
        return s.toString();
    }

    private static void line(StringBuilder s, String format, Object... args) {
        s.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
