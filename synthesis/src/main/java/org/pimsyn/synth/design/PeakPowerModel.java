package org.pimsyn.synth.design;

import java.util.List;
import java.util.Map;
import org.pimsyn.sim.component.ComponentClass;
import org.pimsyn.sim.component.ComponentEntry;
import org.pimsyn.sim.component.ComponentInstance;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.count.ComponentInventory;
import org.pimsyn.sim.energy.EnergyModel;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.OtherComponentSpec;
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
 *      + sum over macros of its other components (register files, say) x their peak
 *      + crossbars x the other components of one crossbar (per crossbar, row or column: sample-and-hold) x peak
 *      + the chip's own other components (ISAAC's HyperTransport links, say) x their peak
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
 *
 * <p>Every figure is a peak power of the component table ({@link ComponentLibraries}), the table energy is priced
 * with; a scratchpad's entry holds the peak above.
 */
public final class PeakPowerModel {
    private final double crossbarPeakMw;
    private final double dacPeakMw;
    private final int xbSizeRows;
    private final double[] scratchpadPeakMw;
    private final double routerPeakMw;
    private final double linkPeakMw;
    private final double otherPerMacroMw;
    private final double otherPerChipMw;
    private final double otherPerCrossbarMw;

    /**
     * The model of a design point, priced from the component table's peak powers.
     *
     * @param otherPerMacro the other components every macro holds ({@link HardwareLibrary#otherComponents()})
     */
    public PeakPowerModel(ComponentLibrary components, DesignPoint point, List<ComponentInstance> otherPerMacro) {
        this(components, point, otherPerMacro, List.of());
    }

    /**
     * The model of a design point with chip-level parts too.
     *
     * @param otherPerChip the other components of the whole chip ({@link #otherPerChip})
     */
    public PeakPowerModel(ComponentLibrary components, DesignPoint point, List<ComponentInstance> otherPerMacro,
            List<ComponentInstance> otherPerChip) {
        this(components, point, otherPerMacro, otherPerChip, List.of());
    }

    /**
     * The model of a design point with parts that follow the crossbars too.
     *
     * @param otherPerCrossbar the other components of one crossbar ({@link #otherPerCrossbar})
     */
    public PeakPowerModel(ComponentLibrary components, DesignPoint point, List<ComponentInstance> otherPerMacro,
            List<ComponentInstance> otherPerChip, List<ComponentInstance> otherPerCrossbar) {
        this.crossbarPeakMw = components.crossbar(point.xbSizeRows(), point.resRramBits()).peakPowerMw();
        this.dacPeakMw = components.dac(point.resDacBits()).peakPowerMw();
        this.xbSizeRows = point.xbSizeRows();
        List<ComponentEntry> scratchpads = components.scratchpads();
        this.scratchpadPeakMw = new double[scratchpads.size()];
        for (int i = 0; i < scratchpads.size(); i++) {
            scratchpadPeakMw[i] = scratchpads.get(i).peakPowerMw();
        }
        this.routerPeakMw = components.router().peakPowerMw();
        this.linkPeakMw = components.link().peakPowerMw();
        double other = 0;
        for (ComponentInstance c : otherPerMacro) {
            other += c.count() * components.entry(c.componentClass(), c.variant()).peakPowerMw();
        }
        this.otherPerMacroMw = other;
        double chip = 0;
        for (ComponentInstance c : otherPerChip) {
            chip += c.count() * components.entry(c.componentClass(), c.variant()).peakPowerMw();
        }
        this.otherPerChipMw = chip;
        double perCrossbar = 0;
        for (ComponentInstance c : otherPerCrossbar) {
            perCrossbar += c.count() * components.entry(c.componentClass(), c.variant()).peakPowerMw();
        }
        this.otherPerCrossbarMw = perCrossbar;
    }

    /** The model of a design point of a hardware library ({@link ComponentLibraries#from}). */
    public PeakPowerModel(HardwareLibrary library, DesignPoint point) {
        this(ComponentLibraries.from(library), point, otherPerMacro(library), otherPerChip(library),
                otherPerCrossbar(library, point.xbSizeRows()));
    }

    /** The other components of one crossbar of {@code xbSizeRows} rows: those per crossbar, row or column. */
    public static List<ComponentInstance> otherPerCrossbar(HardwareLibrary library, int xbSizeRows) {
        return library.otherComponents().stream().filter(OtherComponentSpec::withCrossbars)
                .map(o -> o.inMacro(1, xbSizeRows)).toList();
    }

    /** The other components every macro of the library's designs holds. */
    public static List<ComponentInstance> otherPerMacro(HardwareLibrary library) {
        return library.otherComponents().stream().filter(OtherComponentSpec::inEveryMacro)
                .map(OtherComponentSpec::perMacroInstance).toList();
    }

    /** The other components of the whole chip, which a design places in its first macro. */
    public static List<ComponentInstance> otherPerChip(HardwareLibrary library) {
        return library.otherComponents().stream().filter(o -> o.placement() == OtherComponentSpec.Placement.CHIP)
                .map(OtherComponentSpec::perChipInstance).toList();
    }

    /** The other components of one macro at peak. */
    public double otherPerMacroMw() {
        return otherPerMacroMw;
    }

    /** Leakage plus one access per latency, the costlier of read and write: a scratchpad's peak power. */
    public static double scratchpadPeakMw(ScratchpadSpec s) {
        return scratchpadPeakMw(s.leakagePowerMw(), s.readEnergyPj(), s.readLatencyNs(), s.writeEnergyPj(),
                s.writeLatencyNs());
    }

    /** {@link #scratchpadPeakMw(ScratchpadSpec)} from the figures themselves. */
    public static double scratchpadPeakMw(double leakageMw, double readPj, double readNs, double writePj,
            double writeNs) {
        return leakageMw + Math.max(readPj / readNs, writePj / writeNs);
    }

    /** The crossbars at peak, with the other components that follow them (per crossbar, row or column). */
    public double crossbarsMw(long crossbars) {
        return crossbars * (crossbarPeakMw + otherPerCrossbarMw);
    }

    /** The chip's own other components at peak. */
    public double otherPerChipMw() {
        return otherPerChipMw;
    }

    /** DACs of these crossbars: one per row. */
    public double dacsMw(long crossbars) {
        return crossbars * (double) xbSizeRows * dacPeakMw;
    }

    /** Peak of the library's scratchpad at index {@code index} (ascending capacities). */
    public double scratchpadMw(int index) {
        return scratchpadPeakMw[index];
    }

    /** How many scratchpads the library has. */
    public int scratchpads() {
        return scratchpadPeakMw.length;
    }

    /** Routers at every mesh position and links between neighbours. */
    public double nocMw(int meshRows, int meshCols) {
        int links = ComponentInventory.directionalLinks(meshRows, meshCols);
        return (double) meshRows * meshCols * routerPeakMw + links * linkPeakMw;
    }

    /**
     * The peak power of a synthesized design, read off its accelerator and priced with its own component table:
     * what {@link DesignEvaluator} checked against the budget. Components of classes beyond the built-in ones count
     * with the fixed parts.
     */
    public static PeakPower of(Design design) {
        Map<String, Double> byClass = EnergyModel.peakPowerMw(ComponentInventory.of(design.accelerator()),
                design.library());
        double crossbars = 0;
        double dacs = 0;
        double scratchpads = 0;
        double noc = 0;
        double peripherals = 0;
        double other = 0;
        for (Map.Entry<String, Double> e : byClass.entrySet()) {
            double mw = e.getValue();
            switch (e.getKey()) {
                case ComponentClass.CROSSBAR -> crossbars += mw;
                case ComponentClass.DAC -> dacs += mw;
                case ComponentClass.SCRATCHPAD -> scratchpads += mw;
                case ComponentClass.NOC -> noc += mw;
                default -> {
                    if (ComponentClass.isBuiltIn(e.getKey())) {
                        peripherals += mw;
                    } else {
                        other += mw;
                    }
                }
            }
        }
        return new PeakPower(crossbars, dacs, scratchpads, noc, other, peripherals);
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
        return new PeakPower(crossbars * crossbarPeakMw, dacsMw(crossbars), spm, nocMw(meshRows, meshCols),
                scratchpads.length * otherPerMacroMw + otherPerChipMw + crossbars * otherPerCrossbarMw,
                peripheralsMw);
    }
}
