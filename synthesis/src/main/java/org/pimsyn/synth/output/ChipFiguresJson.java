package org.pimsyn.synth.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pimsyn.sim.chip.ChipFigures;
import org.pimsyn.synth.design.Design;

/**
 * The {@code area} and {@code peak} sections of both {@code report.json} files: a design's area by class, macro and
 * chip with the simulated throughput over it ({@code gopsPerMm2}), and its peak figures. An area the library does not
 * give is JSON null, never 0, and {@code area.unknownFor} names the entries without one.
 */
public final class ChipFiguresJson {
    private ChipFiguresJson() {
    }

    /** The figures of a design whose simulation gave {@code throughputGops}. */
    public static ChipFigures of(Design design, double throughputGops) {
        return ChipFigures.of(design.accelerator(), design.library(), design.spec().weightBits(), throughputGops);
    }

    /** Adds {@code area} and {@code peak} to a report. */
    static void put(ObjectNode report, ChipFigures figures) {
        ObjectNode area = report.putObject("area");
        area.put("areaMm2", figures.area().areaMm2());
        area.put("gopsPerMm2", figures.gopsPerMm2());
        ObjectNode rest = (ObjectNode) OutputJson.tree(figures.area());
        rest.remove("areaMm2");
        area.setAll(rest);
        report.set("peak", OutputJson.tree(figures.peak()));
    }
}
