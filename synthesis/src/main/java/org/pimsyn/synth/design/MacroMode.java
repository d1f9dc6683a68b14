package org.pimsyn.synth.design;

import java.util.Optional;
import org.pimsyn.synth.EnumLabels;

/** How macros are sized: one size for all (unified) or per layer (specified), the paper's two scenarios. */
public enum MacroMode {
    SPECIFIED,
    UNIFIED;

    /** The command-line spelling: {@code specified}, {@code unified}. */
    public String label() {
        return EnumLabels.of(this);
    }

    /** The mode spelled {@code label} (any case), if there is one. */
    public static Optional<MacroMode> fromLabel(String label) {
        return EnumLabels.parse(MacroMode.class, label);
    }

    /** The labels, for messages listing what is allowed. */
    public static String labels() {
        return EnumLabels.all(MacroMode.class);
    }
}
