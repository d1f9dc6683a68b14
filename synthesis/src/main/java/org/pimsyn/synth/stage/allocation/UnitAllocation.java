package org.pimsyn.synth.stage.allocation;

import java.util.Locale;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.timing.TimingRules;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.PhysicalLimits;
import org.pimsyn.synth.stage.dataflow.CompiledDataflow;
import org.pimsyn.synth.stage.partition.MacroGene;
import org.pimsyn.synth.stage.partition.MacroLayout;

/**
 * Stage 4's policy for one design point: ADCs and ALU units per macro for a gene, within the power left by the fixed
 * parts. Units are allocated per group ({@link AllocationGroups}) by {@link PeripheralAllocator}, then spread over the
 * group's macros. In {@link AllocationMode#FLOOR} it gives no group more units than bring its latency down to the
 * slowest layer's crossbar time (the interval never gets shorter, so further units would only leak); in
 * {@link AllocationMode#BALANCED} it spends the whole power left as Eq. 6 does, units in proportion to their work
 * over their rate. A macro never keeps more units
 * of a component than its widest operation of that kind can use at once (the widest ADC IR's conversions; the
 * widest ALU IR's elements / vector width): further units would never work and only add static power. (Only at
 * budgets far beyond any use does this bind; the allocation then gets the power of those useful units instead of
 * the whole rest.)
 *
 * <p>Under the library's physical limits a macro has at least one ADC per {@code columnsPerAdc} of its crossbar
 * columns ({@link AllocationGroups}), paid from the same power; the cap of useful units never takes a macro below
 * that. Where the power left cannot pay for them, the gene gets no units and the shortfall says how many ADCs the
 * columns need.
 *
 * <p>Components are indexed as {@link PeripheralUnits} indexes them.
 */
public final class UnitAllocation {
    private static final int KINDS = PeripheralUnits.COUNT;

    private final double[] unitRatePerNs;
    private final double[] unitPowerMw;
    private final int[] aluVectorWidth;
    private final int[] componentOfAluCode;
    private final double crossbarFloorNs;
    private final PhysicalLimits limits;
    private final int xbColumns;

    /**
     * Without physical limits.
     *
     * @param adcBits         the design point's ADC resolution
     * @param crossbarFloorNs the slowest layer's crossbar time per image, below which no interval goes
     */
    public UnitAllocation(ComponentLibrary components, HardwareLibrary library, int adcBits,
            double crossbarFloorNs) {
        this(components, library, adcBits, crossbarFloorNs, PhysicalLimits.NONE, 1);
    }

    /** Under the library's physical limits, units up to the latency floor ({@link AllocationMode#FLOOR}). */
    public UnitAllocation(ComponentLibrary components, HardwareLibrary library, int adcBits,
            double crossbarFloorNs, PhysicalLimits limits, int xbColumns) {
        this(components, library, adcBits, crossbarFloorNs, limits, xbColumns, AllocationMode.FLOOR);
    }

    /**
     * Under the library's physical limits, in the given mode.
     *
     * @param adcBits         the design point's ADC resolution
     * @param crossbarFloorNs the slowest layer's crossbar time per image, below which no interval goes; the limit of
     *                        {@link AllocationMode#FLOOR}, unused by {@link AllocationMode#BALANCED}
     * @param limits          the limits, of which the crossbar columns per ADC count here
     * @param xbColumns       columns of one crossbar (its XbSize)
     */
    public UnitAllocation(ComponentLibrary components, HardwareLibrary library, int adcBits,
            double crossbarFloorNs, PhysicalLimits limits, int xbColumns, AllocationMode mode) {
        this.limits = limits;
        this.xbColumns = xbColumns;
        PeripheralUnits units = PeripheralUnits.of(components, library, adcBits);
        this.unitRatePerNs = units.ratesPerNs();
        this.unitPowerMw = units.unitPowersMw();
        // A floor of 0 lets the allocator spend the whole budget (Eq. 6).
        this.crossbarFloorNs = mode == AllocationMode.FLOOR ? crossbarFloorNs : 0;
        this.aluVectorWidth = new int[KINDS];
        this.componentOfAluCode = new int[AluKind.COUNT];
        for (AluKind kind : AluKind.values()) {
            int c = PeripheralUnits.indexOf(kind);
            aluVectorWidth[c] = library.alu(kind).vectorWidthElements();
            componentOfAluCode[kind.code()] = c;
        }
    }

    /** The vector width of an ALU component's units. */
    public int vectorWidth(int component) {
        return aluVectorWidth[component];
    }

    /** The allocation problem of one gene, laid out and compiled. */
    public ForGene of(MacroGene gene, MacroLayout layout, CompiledDataflow compiled) {
        AllocationGroups groups = new AllocationGroups(gene, layout, compiled.workload(), limits, xbColumns);
        int[][] useful = usefulUnits(compiled.program(), layout.macroCount());
        for (int g = 0; g < groups.groups(); g++) {
            for (int i = 0; i < groups.macros[g].length; i++) {
                int m = groups.macros[g][i];
                if (useful[m][PeripheralUnits.ADC] > 0) {
                    useful[m][PeripheralUnits.ADC] = Math.max(useful[m][PeripheralUnits.ADC],
                            groups.leastAdcs[g][i]);
                }
            }
        }
        return new ForGene(groups, useful, layout.macroCount());
    }

    /**
     * Units per macro, [macro][component], and their peak power; or, where the power left cannot give every group
     * its least units, no units and the shortfall in words.
     */
    public record Units(int[][] perMacro, double peakMw, String shortfall) {
        public boolean fits() {
            return shortfall.isEmpty();
        }
    }

    /** One gene's groups and the units each macro can use. */
    public final class ForGene {
        private final AllocationGroups groups;
        private final int[][] useful;
        private final int macros;
        private final double usefulMw;

        private ForGene(AllocationGroups groups, int[][] useful, int macros) {
            this.groups = groups;
            this.useful = useful;
            this.macros = macros;
            double mw = 0;
            for (int[] perMacro : useful) {
                for (int c = 0; c < KINDS; c++) {
                    mw += perMacro[c] * unitPowerMw[c];
                }
            }
            this.usefulMw = mw;
        }

        /** The units bought with at most {@code leftMw} of peak power. */
        public Units allocate(double leftMw) {
            AllocationResult result = PeripheralAllocator.allocate(groups.workload, unitRatePerNs, unitPowerMw,
                    Math.min(leftMw, usefulMw), groups.minimumUnits, crossbarFloorNs);
            if (result instanceof AllocationShortfall shortfall) {
                return new Units(null, 0, shortfall.message() + adcNeed());
            }
            int[][] units = groups.perMacro((ComponentAllocation) result, macros);
            double peakMw = 0;
            for (int m = 0; m < units.length; m++) {
                for (int c = 0; c < KINDS; c++) {
                    units[m][c] = Math.min(units[m][c], useful[m][c]);
                    peakMw += units[m][c] * unitPowerMw[c];
                }
            }
            return new Units(units, peakMw, "");
        }

        /** Where the columns per ADC are limited, how many ADCs the crossbar columns need; empty otherwise. */
        private String adcNeed() {
            if (limits.columnsPerAdc() == null) {
                return "";
            }
            long adcs = 0;
            for (int[] least : groups.leastAdcs) {
                for (int a : least) {
                    adcs += a;
                }
            }
            return String.format(Locale.ROOT, " (among them %,d ADCs, %.4f mW: one per %d crossbar "
                    + "columns of each macro, the library's limits.columnsPerAdc)", adcs,
                    adcs * unitPowerMw[PeripheralUnits.ADC], limits.maxColumnsPerAdc());
        }
    }

    /**
     * The most units of each component a macro can keep busy, [macro][component]: the widest ADC IR's conversions,
     * and per ALU kind the widest IR's elements over the unit's vector width, rounded up.
     */
    private int[][] usefulUnits(IrProgram program, int macros) {
        int[][] useful = new int[macros][KINDS];
        int adcCode = IrKind.ADC.code();
        int aluCode = IrKind.ALU.code();
        int adc = PeripheralUnits.ADC;
        for (int id = 0; id < program.size(); id++) {
            int kind = program.kindCode(id);
            if (kind == adcCode) {
                int m = program.macro(id);
                useful[m][adc] = Math.max(useful[m][adc], program.width(id));
            } else if (kind == aluCode) {
                int m = program.macro(id);
                int c = componentOfAluCode[program.aluKindCode(id)];
                useful[m][c] = Math.max(useful[m][c],
                        (int) TimingRules.unitOperations(program.width(id), aluVectorWidth[c]));
            }
        }
        return useful;
    }
}
