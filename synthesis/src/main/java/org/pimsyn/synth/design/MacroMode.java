package org.pimsyn.synth.design;

import java.util.Locale;

/** How macros are sized: one size for all (unified) or per layer (specified), the paper's two scenarios. */
public enum MacroMode {
    SPECIFIED,
    UNIFIED;

    /** The command-line spelling: {@code specified}, {@code unified}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
