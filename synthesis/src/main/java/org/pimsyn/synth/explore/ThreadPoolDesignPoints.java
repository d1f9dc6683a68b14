package org.pimsyn.synth.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.pimsyn.synth.Deadline;
import org.pimsyn.synth.DeadlinePassedException;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.SynthesisRequest;

/**
 * The default executor: the candidate search on the exploration's worker threads, one task per job, each stopped
 * once the run's deadline passes.
 */
final class ThreadPoolDesignPoints implements DesignPointExecutor {
    private final CandidateSearch search;
    private final ExecutorService pool;
    private final Deadline deadline;

    ThreadPoolDesignPoints(CandidateSearch search, ExecutorService pool, Deadline deadline) {
        this.search = search;
        this.pool = pool;
        this.deadline = deadline;
    }

    @Override
    public List<CandidateOutcome> searchAll(SynthesisRequest request, List<DesignPointTask> tasks,
            TaskFinished finished) {
        List<Callable<CandidateOutcome>> jobs = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            DesignPointTask t = tasks.get(i);
            int index = i;
            jobs.add(() -> {
                CandidateOutcome outcome;
                try {
                    outcome = search.search(request, t.point(), t.duplication(), t.seed(), deadline);
                } catch (DeadlinePassedException e) {
                    return null;
                }
                finished.finished(index, outcome);
                return outcome;
            });
        }
        return PoolJobs.runAll(pool, jobs);
    }
}
