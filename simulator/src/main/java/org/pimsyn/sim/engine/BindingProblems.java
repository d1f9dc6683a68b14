package org.pimsyn.sim.engine;

import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.ir.IrProgram;

/**
 * What a program needs that the accelerator lacks, found while binding: the binding loop records a reason code per
 * IR and goes on, and the first few are put in words only once it has finished.
 */
final class BindingProblems {
    static final int UNKNOWN_LAYER = 0;
    static final int UNKNOWN_MACRO = 1;
    static final int UNKNOWN_DESTINATION = 2;
    static final int UNKNOWN_SOURCE = 3;
    static final int NO_CROSSBARS = 4;
    static final int TOO_FEW_CROSSBARS = 5;
    static final int NO_DACS = 6;
    static final int NO_ADCS = 7;
    static final int NO_ALUS = 8;
    static final int TOO_LONG = 9;
    private static final int MAX_LISTED = 5;

    private final DesignTables design;
    private final IrProgram program;
    private final StringBuilder listed = new StringBuilder();
    private int count;

    BindingProblems(DesignTables design, IrProgram program) {
        this.design = design;
        this.program = program;
    }

    void add(int ir, int reason) {
        count++;
        if (count <= MAX_LISTED) {
            if (listed.length() > 0) {
                listed.append("; ");
            }
            listed.append(program.describe(ir)).append(' ').append(explain(ir, reason));
        }
    }

    /** @throws InvalidSimulationInputException listing the first problems, when there are any */
    void throwIfAny() {
        if (count > 0) {
            throw new InvalidSimulationInputException(count + (count == 1 ? " IR needs" : " IRs need")
                    + " what the accelerator does not have: " + listed + (count > MAX_LISTED ? "; ..." : ""));
        }
    }

    private String explain(int ir, int reason) {
        IrProgram p = program;
        DesignTables d = design;
        int m = p.macro(ir);
        int layer = p.layer(ir);
        return switch (reason) {
            case UNKNOWN_LAYER -> "names layer " + layer + " but the accelerator has " + d.layers + " layers";
            case UNKNOWN_MACRO -> "names macro " + m + " but the accelerator has " + d.macros + " macros";
            case UNKNOWN_DESTINATION -> "names macro " + p.auxField(ir) + " but the accelerator has " + d.macros
                    + " macros";
            case UNKNOWN_SOURCE -> "names a source macro beyond the accelerator's " + d.macros + " macros";
            case NO_CROSSBARS -> "macro " + m + " holds no crossbars of layer " + layer;
            case TOO_FEW_CROSSBARS -> "activates " + p.width(ir) + " crossbars but macro " + m + " holds "
                    + d.crossbarCount[d.crossbarResource[m * d.layers + layer]] + " of layer " + layer;
            case NO_DACS -> "macro " + m + " has no DACs";
            case NO_ADCS -> "macro " + m + " has no ADCs";
            case NO_ALUS -> "macro " + m + " has no " + p.aluKind(ir) + " units";
            default -> "would take more cycles than the simulator's limit of " + Integer.MAX_VALUE;
        };
    }
}
