package org.pimsyn.synth.stage.allocation;

import org.pimsyn.synth.hardware.AluKind;

/** The peripheral components stage 4 allocates: the ADC and each ALU kind. */
public enum Peripheral {
    ADC(null),
    SHIFT_ADD(AluKind.SHIFT_ADD),
    ADDER(AluKind.ADDER),
    POOLING(AluKind.POOLING),
    RELU(AluKind.RELU),
    SIGMOID(AluKind.SIGMOID),
    ELTWISE(AluKind.ELTWISE);

    private final AluKind alu;

    Peripheral(AluKind alu) {
        this.alu = alu;
    }

    /** The ALU kind, or null for the ADC. */
    public AluKind alu() {
        return alu;
    }

    /** The component of an ALU kind. */
    public static Peripheral of(AluKind kind) {
        for (Peripheral p : values()) {
            if (p.alu == kind) {
                return p;
            }
        }
        throw new IllegalArgumentException("no peripheral for " + kind);
    }
}
