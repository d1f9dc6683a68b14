package org.pimsyn.synth.design;

import java.util.ArrayList;
import java.util.List;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.CrossbarGroup;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.synth.hardware.PhysicalLimits;

/**
 * Where an accelerator breaks a library's physical limits ({@link PhysicalLimits}): a mesh larger than the largest,
 * a macro of more crossbars than allowed, or one with fewer ADCs than its crossbar columns need. Synthesis never
 * builds such a design; this says so of any design, a synthesized one or one from elsewhere.
 */
public final class LimitCheck {
    private LimitCheck() {
    }

    /** One line per limit broken (the mesh, then macro by macro), empty where the design keeps them all. */
    public static List<String> violations(Accelerator accelerator, PhysicalLimits limits) {
        List<String> out = new ArrayList<>();
        if (accelerator.meshRows() > limits.maxMeshRows() || accelerator.meshCols() > limits.maxMeshCols()) {
            out.add("the mesh of " + accelerator.meshRows() + " x " + accelerator.meshCols()
                    + " exceeds the largest, " + limits.describeMesh());
        }
        List<Macro> macros = accelerator.macros();
        for (int m = 0; m < macros.size(); m++) {
            Macro macro = macros.get(m);
            long crossbars = 0;
            for (CrossbarGroup g : macro.crossbars()) {
                crossbars += g.count();
            }
            if (crossbars > limits.maxCrossbarsPerMacro()) {
                out.add("macro " + m + " holds " + crossbars + " crossbars, more than " + limits.maxCrossbarsPerMacro());
            }
            long leastAdcs = leastAdcs(macro, limits);
            if (macro.adcs() != null && macro.adcs().count() < leastAdcs) {
                out.add("macro " + m + " has " + macro.adcs().count() + " ADCs for " + columns(macro)
                        + " crossbar columns, fewer than the " + leastAdcs + " of one per "
                        + limits.maxColumnsPerAdc() + " columns");
            }
        }
        return out;
    }

    /** The ADCs the macro's crossbar columns need under the limits' columns per ADC; 0 without that limit. */
    static long leastAdcs(Macro macro, PhysicalLimits limits) {
        return limits.columnsPerAdc() == null ? 0
                : (columns(macro) + limits.maxColumnsPerAdc() - 1) / limits.maxColumnsPerAdc();
    }

    private static long columns(Macro macro) {
        long columns = 0;
        for (CrossbarGroup g : macro.crossbars()) {
            columns += (long) g.count() * g.size();
        }
        return columns;
    }
}
