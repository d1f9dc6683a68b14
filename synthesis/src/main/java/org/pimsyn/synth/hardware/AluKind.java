package org.pimsyn.synth.hardware;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The digital vector units of a macro, each with the name the library file uses for it. */
public enum AluKind {
    SHIFT_ADD("shiftAdd"),
    ADDER("adder"),
    POOLING("pooling"),
    RELU("relu"),
    SIGMOID("sigmoid"),
    ELTWISE("eltwise");

    private final String jsonName;

    AluKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<AluKind> fromJsonName(String name) {
        for (AluKind kind : values()) {
            if (kind.jsonName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The library names of all kinds, comma separated, for messages. */
    public static String jsonNames() {
        return Arrays.stream(values()).map(AluKind::jsonName).collect(Collectors.joining(", "));
    }
}
