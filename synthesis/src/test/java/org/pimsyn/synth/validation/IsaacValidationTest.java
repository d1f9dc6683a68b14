package org.pimsyn.synth.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.chip.ChipFigures;
import org.pimsyn.sim.engine.SimulationObserver;
import org.pimsyn.sim.report.SimulationReport;
import java.util.List;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.LimitCheck;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.PhysicalLimits;
import org.pimsyn.synth.output.ChipFiguresJson;
import org.pimsyn.synth.output.DesignJson;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;

/**
 * pimsyn's model of the ISAAC chip against ISAAC's published figures (Table I; the PIMSYN paper's Table IV):
 * {@code configs/validation/isaac/design.json} is what {@link IsaacDesign} builds, and simulating it gives ISAAC's
 * peak power and area within 2 % and its peak throughput and power efficiency within 5 %.
 */
class IsaacValidationTest {
    /** ISAAC's Table I: 65.8 W and 85.4 mm2 for the chip. */
    private static final double PUBLISHED_PEAK_POWER_W = 65.8;
    private static final double PUBLISHED_AREA_MM2 = 85.4;
    /** 168 x 12 IMAs x 128 x 128 MACs per 16 cycles of 100 ns, x 2: 41.3 TOPS, and 41.3 / 65.8 = 0.63 TOPS/W. */
    private static final double PUBLISHED_PEAK_TOPS = 41.3;
    private static final double PUBLISHED_PEAK_TOPS_PER_WATT = 0.63;

    @Test
    void theDesignFileIsWhatTheGeneratorBuilds() throws Exception {
        String built = DesignJson.toJson(IsaacDesign.build());
        if (Boolean.getBoolean("pimsyn.regenerateIsaac")) {
            Files.createDirectories(IsaacDesign.DESIGN.getParent());
            Files.writeString(IsaacDesign.DESIGN, built);
        }
        assertEquals(built, Files.readString(IsaacDesign.DESIGN), "configs/validation/isaac/design.json is stale: "
                + "regenerate it with mvn -B test -pl synthesis -am -Dtest=IsaacValidationTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dpimsyn.regenerateIsaac=true");
    }

    @Test
    void theSimulatedDesignMatchesIsaacsPublishedFigures() {
        Design design = DesignJson.read(IsaacDesign.DESIGN);
        SimulationReport report = new Simulator().report(design.accelerator(), design.library(),
                DataflowSkeleton.of(design.spec()).compile(design.placement()).program(), design.fitnessRun(),
                SimulationObserver.NONE);
        ChipFigures figures = ChipFiguresJson.of(design, report.performance().throughputGops());

        // Ours, worked out from the library's figures: per tile 329.81 mW (12 IMAs of 24.08 mW and 40.85 mW of
        // tile parts: eDRAM 20.7, bus 7, a quarter router 10.5, sigmoid 0.52, shift-and-add 0.05, max-pool 0.4,
        // output register 1.68), x 168 + 10.4 W of HyperTransport = 65,808.08 mW.
        assertEquals(65_808.08, figures.peak().powerMw(), 1e-6);
        // Per tile 0.37229 mm2 (12 IMAs of 0.01312 and 0.21485 of tile parts), x 168 + 22.88 = 85.42472 mm2.
        assertEquals(85.42472, figures.area().areaMm2(), 1e-9);
        // 16,128 crossbars x 128 x 128 x 2 / (8 weight slices x 16 input bits x 100 ns) = 41.2876 TOPS.
        assertEquals(16_128.0 * 128 * 128 * 2 / (8 * 16 * 100) / 1e3, figures.peak().throughputTops(), 1e-9);

        within(PUBLISHED_PEAK_POWER_W, figures.peak().powerMw() / 1e3, 0.02, "peak power, W");
        within(PUBLISHED_AREA_MM2, figures.area().areaMm2(), 0.02, "area, mm2");
        within(PUBLISHED_PEAK_TOPS, figures.peak().throughputTops(), 0.05, "peak throughput, TOPS");
        within(PUBLISHED_PEAK_TOPS_PER_WATT, figures.peak().topsPerWatt(), 0.05, "peak TOPS/W");
        assertTrue(report.violations().isEmpty(), "the design runs its network cleanly: " + report.violations());
    }

    @Test
    void theChipKeepsTheIsaacLibrarysLimitsExactly() {
        PhysicalLimits limits = HardwareLibrary.load(IsaacDesign.LIBRARY).limits();
        Accelerator chip = IsaacDesign.build().accelerator();
        assertEquals(List.of(), LimitCheck.violations(chip, limits));
        // At the limits, not inside them: ISAAC's tile and chip are where the figures come from.
        assertEquals(limits.maxMeshRows(), chip.meshRows());
        assertEquals(limits.maxMeshCols(), chip.meshCols());
        for (Macro tile : chip.macros()) {
            assertEquals(limits.maxCrossbarsPerMacro(), tile.crossbarCount());
            assertEquals(tile.crossbarCount() * IsaacDesign.XB_SIZE / limits.maxColumnsPerAdc(), tile.adcs().count());
        }
    }

    private static void within(double published, double ours, double tolerance, String what) {
        double off = Math.abs(ours - published) / published;
        assertTrue(off <= tolerance, String.format("%s: ours %.4f, published %.4f, off by %.2f %% (at most %.0f %%)",
                what, ours, published, 100 * off, 100 * tolerance));
    }
}
