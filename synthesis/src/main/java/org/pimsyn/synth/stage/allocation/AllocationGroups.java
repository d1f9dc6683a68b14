package org.pimsyn.synth.stage.allocation;

import java.util.Arrays;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.hardware.PhysicalLimits;
import org.pimsyn.synth.stage.dataflow.DataflowWorkload;
import org.pimsyn.synth.stage.partition.MacroGene;
import org.pimsyn.synth.stage.partition.MacroLayout;

/**
 * Stage 4's groups for one gene: a layer alone, or a sharing pair, whose workloads add up since the pair takes
 * turns on the same ADC banks and ALUs. Per group and peripheral component ({@link PeripheralUnits} indexes them):
 * the work (ADC conversions, ALU elements of each kind, from the compiled workload) and the least units, one per
 * macro doing that work. ADC conversions
 * and shift-adds run on every macro of the group; the other ALU work runs on the group's home macro.
 *
 * <p>Where the library limits the crossbar columns one ADC serves ({@link PhysicalLimits#columnsPerAdc}), a macro
 * holding c crossbars of XbSize columns needs at least ceil(c x XbSize / limit) ADCs: the group's least ADCs are
 * the sum over its macros, and its ADCs are split so that every macro keeps its own least
 * ({@link MacroSplit#atLeast}).
 */
final class AllocationGroups {
    private static final int KINDS = PeripheralUnits.COUNT;
    private static final int ADC = PeripheralUnits.ADC;
    private static final int SHIFT_ADD = PeripheralUnits.indexOf(AluKind.SHIFT_ADD);

    /** Macro ids of each group, home first. */
    final int[][] macros;
    final long[][] workload;
    final int[][] minimumUnits;
    /** Per group the least ADCs of each of its macros, in the order of {@link #macros}. */
    final int[][] leastAdcs;

    AllocationGroups(MacroGene gene, MacroLayout layout, DataflowWorkload work) {
        this(gene, layout, work, PhysicalLimits.NONE, 1);
    }

    /**
     * @param limits     the library's physical limits, of which the columns per ADC count here
     * @param xbColumns  columns of one crossbar (XbSize: crossbars are square)
     */
    AllocationGroups(MacroGene gene, MacroLayout layout, DataflowWorkload work, PhysicalLimits limits,
            int xbColumns) {
        int groups = 0;
        for (int k = 0; k < gene.layers(); k++) {
            if (gene.ownsMacros(k)) {
                groups++;
            }
        }
        macros = new int[groups][];
        workload = new long[groups][KINDS];
        minimumUnits = new int[groups][KINDS];
        leastAdcs = new int[groups][];
        int g = 0;
        for (int k = 0; k < gene.layers(); k++) {
            if (!gene.ownsMacros(k)) {
                continue;
            }
            macros[g] = layout.macrosOf(k);
            add(workload[g], work, k);
            if (gene.shares(k)) {
                add(workload[g], work, gene.partner(k));
            }
            for (int c = 0; c < KINDS; c++) {
                minimumUnits[g][c] = runsEverywhere(c) ? macros[g].length : 1;
            }
            leastAdcs[g] = new int[macros[g].length];
            long adcs = 0;
            for (int i = 0; i < macros[g].length; i++) {
                int m = macros[g][i];
                long held = 0;
                for (int served : layout.layersOf(m)) {
                    held += layout.crossbarsIn(m, served);
                }
                leastAdcs[g][i] = Math.max(1, limits.leastAdcs(held, xbColumns));
                adcs += leastAdcs[g][i];
            }
            minimumUnits[g][ADC] = (int) Math.min(Integer.MAX_VALUE, adcs);
            g++;
        }
    }

    private static void add(long[] into, DataflowWorkload work, int k) {
        into[ADC] += work.adcConversions(k);
        for (AluKind kind : AluKind.values()) {
            into[PeripheralUnits.indexOf(kind)] += work.aluElements(k, kind);
        }
    }

    private static boolean runsEverywhere(int component) {
        return component == ADC || component == SHIFT_ADD;
    }

    int groups() {
        return macros.length;
    }

    /**
     * Each macro's units of each component, [macro][component]: a group's units spread evenly over the macros
     * doing the work ({@link MacroSplit#evenly}), each macro keeping its least ADCs ({@link MacroSplit#atLeast}).
     */
    int[][] perMacro(ComponentAllocation allocation, int macroCount) {
        int[][] units = new int[macroCount][KINDS];
        for (int g = 0; g < macros.length; g++) {
            int[] ids = macros[g];
            boolean[] all = new boolean[ids.length];
            Arrays.fill(all, true);
            boolean[] home = new boolean[ids.length];
            home[0] = true;
            for (int c = 0; c < KINDS; c++) {
                int count = allocation.count(g, c);
                if (count == 0) {
                    continue;
                }
                int[] split = c == ADC ? MacroSplit.atLeast(count, all, leastAdcs[g])
                        : MacroSplit.evenly(count, runsEverywhere(c) ? all : home);
                for (int i = 0; i < ids.length; i++) {
                    units[ids[i]][c] += split[i];
                }
            }
        }
        return units;
    }
}
