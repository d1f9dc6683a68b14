package org.pimsyn.synth.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs jobs on the exploration's pool and hands back their results in job order, or the first job's failure. */
final class PoolJobs {
    private PoolJobs() {
    }

    static <T> List<T> runAll(ExecutorService pool, List<Callable<T>> jobs) {
        try {
            List<Future<T>> futures = pool.invokeAll(jobs);
            List<T> results = new ArrayList<>(futures.size());
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the exploration was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
