package org.pimsyn.synth.stage.duplication;

import java.util.List;
import java.util.Objects;

/** What the weight-duplication stage makes of one design point: candidates, or the reason there are none. */
public sealed interface DuplicationOutcome permits DuplicationOutcome.Feasible, DuplicationOutcome.Infeasible {

    DuplicationProblem problem();

    /**
     * The filter's candidates, best first ({@link DuplicationCandidate#ORDER}), all distinct and within the
     * budget, never empty.
     *
     * @param start the state the annealing started from (the proportional heuristic, topped up)
     */
    record Feasible(DuplicationProblem problem, List<DuplicationCandidate> candidates, DuplicationCandidate start)
            implements DuplicationOutcome {
        public Feasible {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(start, "start");
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("a feasible outcome has at least one candidate");
            }
        }

        public DuplicationCandidate best() {
            return candidates.get(0);
        }
    }

    /** The weights do not fit even at duplication 1. */
    record Infeasible(DuplicationProblem problem) implements DuplicationOutcome {
        public Infeasible {
            Objects.requireNonNull(problem, "problem");
            if (problem.fitsAtDuplicationOne()) {
                throw new IllegalArgumentException("the problem fits at duplication 1");
            }
        }

        /** How many crossbars the weights lack at duplication 1. */
        public long shortfallCrossbars() {
            return problem.crossbarsAtDuplicationOne() - problem.crossbarBudget();
        }

        /** One line: what is needed, what is affordable. */
        public String reason() {
            int size = problem.xbSizeRows();
            return "the weights of '" + problem.networkName() + "' need " + problem.crossbarsAtDuplicationOne() + " "
                    + size + "x" + size + " crossbars with " + problem.cellBits() + "-bit cells at duplication 1, "
                    + "but the budget affords " + problem.crossbarBudget() + " (short by " + shortfallCrossbars() + ")";
        }
    }
}
