package org.pimsyn.sim.ir;

/**
 * The seven IR kinds of the PIMSYN dataflow (the paper's Table II). The byte {@link #code()} is what an
 * {@link IrProgram} stores per node.
 */
public enum IrKind {
    /** Crossbar matrix-vector multiplication of one input bit slice; DAC and sample-and-hold included. */
    MVM,
    /** Analog-to-digital conversion of MVM outputs by the macro's ADC bank. */
    ADC,
    /** A vector operation on one ALU kind of the macro (shift-add, addition, pooling, activation...). */
    ALU,
    /** Scratchpad read of a block's inputs. */
    LOAD,
    /** Scratchpad write of a block's outputs. */
    STORE,
    /** Partial results of a layer spanning several macros, gathered over the NoC at one macro. */
    MERGE,
    /** Activations moved over the NoC from one macro to another. */
    TRANSFER;

    private static final IrKind[] BY_CODE = values();

    public byte code() {
        return (byte) ordinal();
    }

    public static IrKind ofCode(int code) {
        return BY_CODE[code];
    }
}
