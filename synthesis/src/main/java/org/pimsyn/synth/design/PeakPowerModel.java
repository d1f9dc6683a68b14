package org.pimsyn.synth.design;

import java.util.List;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.AluUnits;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.NocSpec;
import org.pimsyn.synth.hardware.ScratchpadSpec;

/**
 * The power budget rule of a synthesized design: its peak power, every component at full rate at once, must not
 * exceed the total power budget.
 *
 * <pre>
 * peak = crossbars x crossbar peak
 *      + DACs x DAC peak                      (one DAC per crossbar row: crossbars x XbSize, at ResDAC bits)
 *      + ADCs x ADC peak + sum over ALU kinds of units x ALU peak
 *      + sum over macros of (scratchpad leakage + max(read energy / read latency, write energy / write latency))
 *      + mesh rows x cols x router power + directional links x link power
 *        (links: 2 x (rows x (cols - 1) + cols x (rows - 1)), between neighbouring mesh positions)
 * </pre>
 *
 * Crossbars, DACs, scratchpads and the NoC are fixed by the partition; stage 4 allocates ADCs and ALUs with up to
 * all that is left, {@code budget - fixed}, so that the crossbar power stage 1 leaves unused can go to the
 * peripherals instead of being lost (no more of it than brings them to the crossbars' pace). A scratchpad's
 * dynamic peak is one access per latency. No simulated resource does more than one action per latency, so a design
 * within this rule also simulates within its budget as a rule; the simulator's own check
 * ({@code Performance.withinPowerBudget}) still has the last word.
 */
public final class PeakPowerModel {
    private final HardwareLibrary library;
    private final double crossbarPeakMw;
    private final double dacPeakMw;
    private final int xbSizeRows;
    private final double[] scratchpadPeakMw;

    public PeakPowerModel(HardwareLibrary library, DesignPoint point) {
        this.library = library;
        this.crossbarPeakMw = library.crossbar(point.xbSizeRows(), point.resRramBits()).power().peakPowerMw();
        this.dacPeakMw = library.dac(point.resDacBits()).power().peakPowerMw();
        this.xbSizeRows = point.xbSizeRows();
        List<ScratchpadSpec> scratchpads = library.scratchpads();
        this.scratchpadPeakMw = new double[scratchpads.size()];
        for (int i = 0; i < scratchpads.size(); i++) {
            scratchpadPeakMw[i] = scratchpadPeakMw(scratchpads.get(i));
        }
    }

    /** Leakage plus one access per latency, the costlier of read and write. */
    public static double scratchpadPeakMw(ScratchpadSpec s) {
        return s.leakagePowerMw() + Math.max(s.readEnergyPj() / s.readLatencyNs(),
                s.writeEnergyPj() / s.writeLatencyNs());
    }

    public double crossbarsMw(long crossbars) {
        return crossbars * crossbarPeakMw;
    }

    /** DACs of these crossbars: one per row. */
    public double dacsMw(long crossbars) {
        return crossbars * (double) xbSizeRows * dacPeakMw;
    }

    /** Peak of the library's scratchpad at index {@code index} (ascending capacities). */
    public double scratchpadMw(int index) {
        return scratchpadPeakMw[index];
    }

    /** Routers at every mesh position and links between neighbours. */
    public double nocMw(int meshRows, int meshCols) {
        NocSpec noc = library.noc();
        int links = 2 * (meshRows * (meshCols - 1) + meshCols * (meshRows - 1));
        return (double) meshRows * meshCols * noc.routerPowerMw() + links * noc.linkPowerMw();
    }

    /**
     * The peak power of a synthesized design, read off its accelerator: what {@link DesignEvaluator} checked against
     * the budget.
     */
    public static PeakPower of(HardwareLibrary library, Design design) {
        PeakPowerModel model = new PeakPowerModel(library, design.point());
        Accelerator acc = design.accelerator();
        long crossbars = 0;
        double scratchpadsMw = 0;
        double peripheralsMw = 0;
        for (Macro macro : acc.macros()) {
            crossbars += macro.crossbarCount();
            int capacityKb = macro.scratchpad().capacityKb();
            ScratchpadSpec spm = library.scratchpads().stream().filter(s -> s.capacityKb() == capacityKb)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("no " + capacityKb
                            + " KB scratchpad in " + library.origin()));
            scratchpadsMw += scratchpadPeakMw(spm);
            int adcBits = macro.adcs().resolutionBits();
            peripheralsMw += macro.adcs().count() * library.adc(adcBits).orElseThrow(
                    () -> new IllegalArgumentException("no " + adcBits + "-bit ADC in " + library.origin()))
                    .power().peakPowerMw();
            for (AluUnits units : macro.alus()) {
                peripheralsMw += units.count()
                        * library.alu(units.kind()).power().peakPowerMw();
            }
        }
        return new PeakPower(model.crossbarsMw(crossbars), model.dacsMw(crossbars), scratchpadsMw,
                model.nocMw(acc.meshRows(), acc.meshCols()), peripheralsMw);
    }

    /**
     * The peak of a design.
     *
     * @param scratchpads   library index of each macro's scratchpad
     * @param peripheralsMw the allocated ADCs and ALUs at peak
     */
    public PeakPower of(long crossbars, int[] scratchpads, int meshRows, int meshCols, double peripheralsMw) {
        double spm = 0;
        for (int s : scratchpads) {
            spm += scratchpadPeakMw[s];
        }
        return new PeakPower(crossbarsMw(crossbars), dacsMw(crossbars), spm, nocMw(meshRows, meshCols),
                peripheralsMw);
    }
}
