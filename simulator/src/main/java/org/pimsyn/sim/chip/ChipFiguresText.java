package org.pimsyn.sim.chip;

import java.util.Locale;
import java.util.StringJoiner;

/** The console lines of a design's area and peak figures. */
public final class ChipFiguresText {
    private ChipFiguresText() {
    }

    public static String summary(ChipFigures figures) {
        StringBuilder out = new StringBuilder();
        ChipArea area = figures.area();
        if (area.known()) {
            out.append(String.format(Locale.ROOT, "Area: %s mm2, %s GOPS/mm2 (simulated throughput over area)%n",
                    mm2(area.areaMm2()), number(figures.gopsPerMm2())));
        } else {
            out.append("Area: unknown (the library gives no area for ").append(String.join(", ", area.unknownFor()))
                    .append(")").append(System.lineSeparator());
        }
        StringJoiner classes = new StringJoiner(", ");
        for (ChipArea.ClassArea c : area.byClass()) {
            if (c.instances() > 0) {
                classes.add(c.component() + " " + (c.areaMm2() == null ? "unknown" : mm2(c.areaMm2())));
            }
        }
        out.append("  by class (mm2): ").append(classes).append(System.lineSeparator());
        out.append("  per macro (mm2): ").append(perMacro(area)).append(
                area.meshMm2() == null ? "; mesh routers and links unknown"
                        : "; mesh routers and links " + mm2(area.meshMm2())).append(System.lineSeparator());
        PeakFigures p = figures.peak();
        out.append(String.format(Locale.ROOT, "Peak (every crossbar busy, %d-bit weights x %d-bit inputs, %d ops per "
                + "MAC): %s TOPS, %s W, %s TOPS/W, %s%n", p.weightBits(), p.activationBits(), p.opsPerMac(),
                number(p.throughputTops()), number(p.powerMw() / 1e3), number(p.topsPerWatt()),
                p.topsPerMm2() == null ? "TOPS/mm2 unknown" : number(p.topsPerMm2()) + " TOPS/mm2"));
        return out.toString();
    }

    /** The smallest and largest macro, and the mean, or which macros are unknown. */
    private static String perMacro(ChipArea area) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        double sum = 0;
        int known = 0;
        for (ChipArea.MacroArea m : area.byMacro()) {
            if (m.areaMm2() != null) {
                min = Math.min(min, m.areaMm2());
                max = Math.max(max, m.areaMm2());
                sum += m.areaMm2();
                known++;
            }
        }
        int macros = area.byMacro().size();
        if (known == 0) {
            return "unknown for all " + macros;
        }
        String range = macros == 1 ? mm2(min) : String.format(Locale.ROOT, "%s to %s, mean %s over %d macros",
                mm2(min), mm2(max), mm2(sum / known), known);
        return known == macros ? range : range + " (" + (macros - known) + " unknown)";
    }

    private static String mm2(double v) {
        return String.format(Locale.ROOT, "%,.4f", v);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.1f" : "%,.4g", v);
    }
}
