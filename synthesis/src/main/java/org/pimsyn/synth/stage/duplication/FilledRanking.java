package org.pimsyn.synth.stage.duplication;

import java.util.ArrayList;
import java.util.List;

/**
 * The filter's ranking of candidates, which sees every state it is offered as the state it grows into when filled to
 * the crossbar budget ({@link DuplicationProblem#fill}): the annealing may wander below the budget, its candidates
 * never leave crossbars that could hold a copy idle. One buffer is reused, so an offer allocates nothing unless it
 * ranks.
 */
final class FilledRanking {
    private final DuplicationProblem problem;
    private final double alpha;
    private final TopCandidates top;
    private final int[] filled;

    FilledRanking(DuplicationProblem problem, double alpha, int capacity) {
        this.problem = problem;
        this.alpha = alpha;
        this.top = new TopCandidates(capacity, problem.layers());
        this.filled = new int[problem.layers()];
    }

    /** Offers {@code dup} filled to the budget; {@code dup} itself is not changed. */
    void offer(int[] dup) {
        problem.fill(dup, filled);
        top.offer(problem.energy(filled, alpha), filled);
    }

    /** A copy of the best filled state offered. */
    int[] best() {
        return top.best();
    }

    /**
     * The ranked candidates, best first, with {@code pinned} among them: where it did not rank, it replaces the
     * last one (the list never grows beyond the capacity) and takes its place in the order.
     */
    List<DuplicationCandidate> candidatesWith(DuplicationCandidate pinned) {
        List<DuplicationCandidate> ranked = top.toList(problem);
        if (ranked.contains(pinned)) {
            return ranked;
        }
        List<DuplicationCandidate> out = new ArrayList<>(ranked.subList(0, Math.min(ranked.size(),
                top.capacity() - 1)));
        out.add(pinned);
        out.sort(DuplicationCandidate.ORDER);
        return List.copyOf(out);
    }
}
