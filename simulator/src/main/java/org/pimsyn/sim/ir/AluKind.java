package org.pimsyn.sim.ir;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of vector ALU units a macro may hold; an ALU IR names the kind it runs on. The component library
 * prices each kind separately, and stage 4 allocates units of every kind.
 *
 * <p>Each kind has one name, {@link #label()}, which every file and every printout uses: the hardware library,
 * design and report files, the console tables and the traces.
 */
public enum AluKind {
    /** Merges the bit slices of a crossbar output into one value. */
    SHIFT_ADD("shiftAdd"),
    /** Sums the partial results of a layer's crossbars that split its input rows. */
    ADD("add"),
    POOL("pool"),
    RELU("relu"),
    SIGMOID("sigmoid"),
    /** Element-wise operations between tensors (residual sums, products). */
    ELTWISE("eltwise");

    private static final AluKind[] BY_CODE = values();

    public static final int COUNT = BY_CODE.length;

    private final String label;

    AluKind(String label) {
        this.label = label;
    }

    public byte code() {
        return (byte) ordinal();
    }

    public static AluKind ofCode(int code) {
        return BY_CODE[code];
    }

    /** The kind's name in files, printouts and traces ({@code shiftAdd}). */
    @JsonValue
    public String label() {
        return label;
    }

    public static Optional<AluKind> fromLabel(String label) {
        for (AluKind kind : BY_CODE) {
            if (kind.label.equals(label)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static AluKind ofLabel(String label) {
        return fromLabel(label).orElseThrow(() -> new IllegalArgumentException("unknown ALU kind '" + label
                + "'; allowed: " + labels()));
    }

    /** The names of all kinds, comma separated, for messages. */
    public static String labels() {
        return Arrays.stream(BY_CODE).map(AluKind::label).collect(Collectors.joining(", "));
    }
}
