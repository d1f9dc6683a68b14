package org.pimsyn.sim.ir;

import java.util.Locale;

/**
 * The kinds of vector ALU units a macro may hold; an ALU IR names the kind it runs on. The component
 * library prices each kind separately.
 */
public enum AluKind {
    SHIFT_ADD,
    ADD,
    POOL,
    RELU,
    SIGMOID,
    ELTWISE;

    private static final AluKind[] BY_CODE = values();

    public static final int COUNT = BY_CODE.length;

    public byte code() {
        return (byte) ordinal();
    }

    public static AluKind ofCode(int code) {
        return BY_CODE[code];
    }

    /** Lower-case name used in resource names and report component classes ({@code shift_add}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
