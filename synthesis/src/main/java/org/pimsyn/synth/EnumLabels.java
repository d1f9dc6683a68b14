package org.pimsyn.synth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The lower-case spellings by which the command line and the output files name the constants of a mode enum. */
public final class EnumLabels {
    private EnumLabels() {
    }

    /** The constant's spelling: its name in lower case, e.g. {@code proportional}. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant spelled {@code label} (any case), if there is one. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String label) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> of(c).equalsIgnoreCase(label)).findFirst();
    }

    /** Every spelling, for messages listing what is allowed: {@code sa, proportional}. */
    public static <E extends Enum<E>> String all(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(EnumLabels::of).collect(Collectors.joining(", "));
    }
}
