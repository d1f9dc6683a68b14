package org.pimsyn.synth.stage.duplication;

import java.util.Optional;
import org.pimsyn.synth.EnumLabels;

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
        return EnumLabels.of(this);
    }

    /** The mode spelled {@code label} (any case), if there is one. */
    public static Optional<DuplicationMode> fromLabel(String label) {
        return EnumLabels.parse(DuplicationMode.class, label);
    }

    /** The labels, for messages listing what is allowed. */
    public static String labels() {
        return EnumLabels.all(DuplicationMode.class);
    }
}
