package org.pimsyn.synth.explore;

import java.util.List;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.SynthesisRequest;

/**
 * Where the candidate searches of a batch of design points run: on the exploration's own threads by default, or
 * on a cluster. Every task is searched with its own seed, so an executor changes neither an outcome nor the order
 * in which the driver counts them.
 */
public interface DesignPointExecutor {
    /**
     * Searches every task of the batch.
     *
     * @param finished told of each outcome once it is known, from whichever thread learns of it; once per task
     *                 that finished
     * @return the outcomes, in the order of {@code tasks}; null for a task the run's time budget stopped part-way
     *         (an executor that cannot stop a search runs every task to its end)
     */
    List<CandidateOutcome> searchAll(SynthesisRequest request, List<DesignPointTask> tasks, TaskFinished finished);

    /** Hears of a finished task. */
    @FunctionalInterface
    interface TaskFinished {
        TaskFinished NONE = (index, outcome) -> {
        };

        /** The task at {@code index} of the batch gave {@code outcome}. */
        void finished(int index, CandidateOutcome outcome);
    }
}
