package org.pimsyn.synth.stage.duplication;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How stage 1 chooses the weight-duplication candidates of a crossbar point ({@code synthesize --duplication}). */
public enum DuplicationMode {
    /**
     * The annealing filter ({@link DuplicationAnnealer}): the best candidates by Eq. 4, the proportional heuristic
     * always among them.
     */
    SA,
    /** The W_O x H_O-proportional heuristic alone ({@link DuplicationProblem#proportionalStart()}): one candidate. */
    PROPORTIONAL;

    /** The command-line and file spelling: {@code sa}, {@code proportional}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode spelled {@code label} (any case), if there is one. */
    public static Optional<DuplicationMode> fromLabel(String label) {
        return Arrays.stream(values()).filter(m -> m.label().equalsIgnoreCase(label)).findFirst();
    }

    /** The labels, for messages listing what is allowed. */
    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(DuplicationMode::label).toList());
    }
}
