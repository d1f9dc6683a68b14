package org.pimsyn.synth.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.pimsyn.synth.Deadline;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.SynthesisRequest;

/**
 * The fitness bound of every design point, computed once per search key (a shared search has one bound), in
 * contiguous slices on the exploration's threads. The deadline is checked before each bound: on large networks
 * the bounds take as long as stage 1. The bounds are the candidate search's, admissible under the library's physical
 * limits as well ({@link org.pimsyn.synth.objective.ScoreBounds}): pruning by them never changes the result.
 */
final class FitnessBounds {
    private FitnessBounds() {
    }

    /**
     * The bound of each point, by its index in {@code points}.
     *
     * @throws org.pimsyn.synth.DeadlinePassedException where {@code deadline} passed before the last bound
     */
    static double[] of(CandidateSearch search, SynthesisRequest request, List<PlannedDesignPoint> points,
            ExecutorService pool, int threads, Deadline deadline, ExplorationListener listener) {
        Map<SearchKey, Integer> distinctOf = new HashMap<>();
        List<PlannedDesignPoint> distinct = new ArrayList<>();
        int[] indexOf = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            PlannedDesignPoint p = points.get(i);
            Integer known = distinctOf.putIfAbsent(p.searchKey(), distinct.size());
            if (known == null) {
                indexOf[i] = distinct.size();
                distinct.add(p);
            } else {
                indexOf[i] = known;
            }
        }
        listener.phaseStarted(ExplorationPhase.BOUNDS, distinct.size());
        double[] distinctBounds = distinctBounds(search, request, distinct, pool, threads, deadline, listener);
        double[] bounds = new double[points.size()];
        for (int i = 0; i < bounds.length; i++) {
            bounds[i] = distinctBounds[indexOf[i]];
        }
        return bounds;
    }

    private static double[] distinctBounds(CandidateSearch search, SynthesisRequest request,
            List<PlannedDesignPoint> points, ExecutorService pool, int threads, Deadline deadline,
            ExplorationListener listener) {
        int chunk = (points.size() + threads - 1) / threads;
        List<Callable<double[]>> jobs = new ArrayList<>();
        for (int from = 0; from < points.size(); from += chunk) {
            List<PlannedDesignPoint> slice = points.subList(from, Math.min(points.size(), from + chunk));
            jobs.add(() -> {
                double[] out = new double[slice.size()];
                for (int i = 0; i < out.length; i++) {
                    deadline.check();
                    PlannedDesignPoint p = slice.get(i);
                    out[i] = search.fitnessUpperBound(request, p.point(), p.duplication());
                    listener.phaseStep(ExplorationPhase.BOUNDS);
                }
                return out;
            });
        }
        double[] bounds = new double[points.size()];
        int at = 0;
        for (double[] part : PoolJobs.runAll(pool, jobs)) {
            System.arraycopy(part, 0, bounds, at, part.length);
            at += part.length;
        }
        return bounds;
    }
}
