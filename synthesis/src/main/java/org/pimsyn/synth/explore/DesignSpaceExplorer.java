package org.pimsyn.synth.explore;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import org.pimsyn.synth.Deadline;
import org.pimsyn.synth.DeadlinePassedException;
import org.pimsyn.synth.NoFeasibleDesignException;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.ComponentLibraries;
import org.pimsyn.synth.design.DesignArea;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.stage.duplication.WeightDuplication;

/**
 * The design space exploration of Algorithm 1. For every crossbar point (RatioRram, ResRram, XbSize, in the
 * library's order) stage 1 filters weight-duplication candidates; every candidate with every ResDAC whose ADC the
 * library has is a design point, which the {@link CandidateSearch} (stages 3 and 4) turns into a design. The
 * {@link ExplorationSettings#topDesigns()} best designs by the request's objective are kept, ties going to the
 * design point that comes first in the loop order. Ranking, bounds and the pruning bar are the objective's scores
 * ({@link org.pimsyn.synth.objective.Objective}); an objective without bounds is explored without pruning, and the
 * listener is told so.
 *
 * <p>Determinism: every random search is seeded from the run seed and the identity of what it searches
 * ({@link ExplorationSeeds}); results are merged in a fixed order. Pruning visits design points by fitness bound,
 * highest first, in batches of {@link ExplorationSettings#batchSize} (2, 4, 8, then 16); before each batch it skips
 * those whose bound is below the fitness of the current last top design. Such a point can neither be the best nor
 * enter the top designs, and which points are skipped depends only on the inputs, the seed and the number of top
 * designs, so one thread and many give the same designs, and so does pruning off. Fewer top designs raise that bar
 * sooner and skip more points; the best design is the same for any number, since it is the first of every top list.
 *
 * <p>Where the searches run: stage 1 and the fitness bounds on the exploration's own threads; the candidate
 * searches of each batch on a {@link DesignPointExecutor}, by default those same threads, or a cluster. Each search
 * carries its seed, and the driver counts outcomes in batch order, so the executor changes nothing in the result.
 *
 * <p>Time budget: stage 1, the fitness bounds and every candidate search check it as they go (at each annealing
 * temperature, before each bound, before each gene simulated), and no batch starts once it is spent. A stage 1 or
 * bounds cut short give no design point, so nothing is searched and the run ends without a design. A search cut
 * short gives nothing either: its points are left unvisited and out of the checkpoint, while the points of the
 * same batch whose searches ended are counted. The designs are then those of an unlimited run stopped after the
 * same batches, the last of them holding only the points that ended; only where the cut falls depends on speed.
 *
 * <p>Checkpoints: every design point is given to the {@link ExplorationCheckpoint} as its search ends. A run with a
 * checkpoint of an earlier run walks the same batches in the same order and takes each recorded outcome instead of
 * searching the point again; since the top designs at the start of every batch are then those of the earlier run,
 * so are the pruning decisions, and the result is that of a run never stopped. A recorded point whose design was
 * not kept is taken only where it cannot enter the top designs; otherwise it is searched again, with its own seed,
 * to the same outcome.
 */
public final class DesignSpaceExplorer {
    private final CandidateSearch search;
    private final ExplorationSettings settings;
    private final BiFunction<ExecutorService, Deadline, DesignPointExecutor> executorOnPool;

    /** Searches the design points with {@code search} on the exploration's own threads. */
    public DesignSpaceExplorer(CandidateSearch search, ExplorationSettings settings) {
        this.search = search;
        this.settings = settings;
        this.executorOnPool = (pool, deadline) -> new ThreadPoolDesignPoints(search, pool, deadline);
    }

    /**
     * Searches the design points on {@code executor}; stage 1 and the fitness bounds (from {@code search}) stay on
     * the exploration's own threads. The executor must run the same candidate search as {@code search} bounds. It
     * runs every search of a batch to its end, so a time budget can stop the run only between batches.
     */
    public DesignSpaceExplorer(CandidateSearch search, ExplorationSettings settings, DesignPointExecutor executor) {
        this.search = search;
        this.settings = settings;
        this.executorOnPool = (pool, deadline) -> executor;
    }

    /**
     * Explores the design space of the request's library.
     *
     * @throws NoFeasibleDesignException when no crossbar point holds the weights (with the least power that
     *                                   would), or when no design point yields a design within the budget (with
     *                                   the most frequent reasons)
     */
    public ExplorationResult explore(SynthesisRequest request, long seed, ExplorationListener listener) {
        return explore(request, seed, listener, ExplorationCheckpoint.NONE);
    }

    /**
     * Explores the design space, recording every finished design point in {@code checkpoint} and taking the
     * outcomes it already holds instead of searching again. The time budget counts from this call.
     *
     * @throws NoFeasibleDesignException as {@link #explore(SynthesisRequest, long, ExplorationListener)}; a
     *                                   {@link TimeBudgetSpentException} when the budget ran out before a design
     *                                   was found
     */
    public ExplorationResult explore(SynthesisRequest request, long seed, ExplorationListener listener,
            ExplorationCheckpoint checkpoint) {
        Deadline deadline = new Deadline(settings.nanoClock(), settings.nanoClock().getAsLong(), settings.budgetNs());
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), new WorkerThreads());
        try {
            return explore(request, seed, listener, checkpoint, pool, deadline);
        } finally {
            pool.shutdownNow();
        }
    }

    private ExplorationResult explore(SynthesisRequest request, long seed, ExplorationListener listener,
            ExplorationCheckpoint checkpoint, ExecutorService pool, Deadline deadline) {
        // The loops over RatioRram, ResRram and XbSize with stage 1, then over candidates and ResDAC.
        DesignPointEnumeration enumeration;
        try {
            enumeration = DesignPointEnumeration.of(request, seed, pool, deadline, listener);
        } catch (DeadlinePassedException e) {
            throw new TimeBudgetSpentException(NoDesignMessages.outOfTimeIn(settings.budgetNs(),
                    ExplorationPhase.DUPLICATION));
        }
        List<PlannedDesignPoint> points = enumeration.points();
        if (points.isEmpty()) {
            throw new NoFeasibleDesignException(WeightDuplication
                    .minimumTotalPowerMw(request.network(), request.library()).noFitMessage(request.totalPowerMw()));
        }
        double[] bounds;
        try {
            bounds = FitnessBounds.of(search, request, points, pool, settings.threads(), deadline, listener);
        } catch (DeadlinePassedException e) {
            throw new TimeBudgetSpentException(NoDesignMessages.outOfTimeIn(settings.budgetNs(),
                    ExplorationPhase.BOUNDS));
        }
        VisitOrder order = new VisitOrder(points, bounds);
        BatchSchedule schedule = new BatchSchedule(deadline);
        SharedSearches shared = new SharedSearches(points);
        CheckpointReplay replay = new CheckpointReplay(
                checkpoint.recorded(points.stream().map(PlannedDesignPoint::key).toList(), bounds));
        TopDesigns top = new TopDesigns(settings.topDesigns(), request.objective().direction());
        ParetoFront front = new ParetoFront(DesignArea.allKnown(ComponentLibraries.from(request.library())));
        boolean pruning = settings.pruning() && request.objective().bounds().isPresent();
        if (settings.pruning() && !pruning) {
            listener.pruningOff("the objective, " + request.objective().displayName()
                    + ", has no bound to prune with: every design point is searched");
        }
        ExplorationTally tally = new ExplorationTally();
        BatchSearch batches = new BatchSearch(request, executorOnPool.apply(pool, deadline), schedule, replay,
                checkpoint, shared, top, front, tally, listener);
        listener.started(points.size());
        int stopped = 0;
        // Stages 3 and 4 of each design point, best bound first, a batch at a time.
        while (order.hasNext() && schedule.mayStartBatch()) {
            // A bound of 0 proves a point infeasible: skipped even before any design sets a bar.
            double bar = pruning ? Math.max(top.bar().pruningFitness(), Double.MIN_VALUE) : Double.NEGATIVE_INFINITY;
            listener.stillSearchable(order.stillSearchable(bar));
            VisitOrder.Batch batch = order.next(schedule.nextBatchSize(), bar);
            for (PlannedDesignPoint p : batch.pruned()) {
                shared.visited(p.searchKey());
            }
            if (!batch.pruned().isEmpty()) {
                tally.pruned(batch.pruned().size());
                listener.pruned(batch.pruned().size());
            }
            stopped = batches.run(batch.toSearch());
        }
        int notVisited = order.notVisited() + stopped;
        if (top.isEmpty()) {
            if (notVisited > 0) {
                throw new TimeBudgetSpentException(
                        NoDesignMessages.outOfTime(settings.budgetNs(), tally.searched(), points.size()));
            }
            Map<String, Integer> reasons = new LinkedHashMap<>(tally.sortedReasons());
            int proved = 0;
            if (pruning) {
                Map<SearchKey, String> byKey = new HashMap<>();
                for (int i = 0; i < points.size(); i++) {
                    if (!(bounds[i] > 0)) {
                        PlannedDesignPoint p = points.get(i);
                        String why = byKey.computeIfAbsent(p.searchKey(),
                                k -> search.infeasibility(request, p.point(), p.duplication()));
                        reasons.merge(why, 1, Integer::sum);
                        proved++;
                    }
                }
            }
            throw new NoFeasibleDesignException(NoDesignMessages.noDesign(request.totalPowerMw(), tally.searched(),
                    proved, ExplorationTally.mostFrequentFirst(reasons)));
        }
        return new ExplorationResult(top.list(), tally.statistics(enumeration, notVisited),
                enumeration.infeasible(), tally.sortedReasons(), schedule.nanosSinceStart() / 1_000_000,
                replay.taken(), front.list(request.objective().direction()));
    }
}
