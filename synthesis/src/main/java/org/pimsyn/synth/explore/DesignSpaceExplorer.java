package org.pimsyn.synth.explore;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.pimsyn.synth.NoFeasibleDesignException;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.hardware.AdcSpec;
import org.pimsyn.synth.hardware.DesignSpace;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;
import org.pimsyn.synth.stage.duplication.DuplicationOutcome;
import org.pimsyn.synth.stage.duplication.WeightDuplication;

/**
 * The design space exploration of Algorithm 1. For every crossbar point (RatioRram, ResRram, XbSize, in the
 * library's order) stage 1 filters weight-duplication candidates; every candidate with every ResDAC whose ADC the
 * library has is a design point, which the {@link CandidateSearch} (stages 3 and 4) turns into a design. The
 * {@link ExplorationSettings#topDesigns()} best designs by fitness are kept, ties going to the design point that
 * comes first in the loop order.
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
 * <p>Time budget: once it is spent, no new batch starts; the batch under way finishes, and the first batch that
 * searches always runs. The designs are then those of an unlimited run cut after the same number of batches, so
 * only how many batches ran depends on speed.
 *
 * <p>Checkpoints: every design point is given to the {@link ExplorationCheckpoint} as its search ends. A run with a
 * checkpoint of an earlier run walks the same batches in the same order and takes each recorded outcome instead of
 * searching the point again; since the top designs at the start of every batch are then those of the earlier run,
 * so are the pruning decisions, and the result is that of a run never stopped. A recorded point whose design was
 * not kept is taken only where it cannot enter the top designs; otherwise it is searched again, with its own seed,
 * to the same outcome.
 */
public final class DesignSpaceExplorer {
    private static final Comparator<RankedDesign> RANKING = Comparator.comparingDouble(RankedDesign::fitness)
            .reversed().thenComparingInt(RankedDesign::order);
    private static final int REASONS_IN_MESSAGE = 3;

    private final CandidateSearch search;
    private final ExplorationSettings settings;
    private final Function<ExecutorService, DesignPointExecutor> executorOnPool;

    /** Searches the design points with {@code search} on the exploration's own threads. */
    public DesignSpaceExplorer(CandidateSearch search, ExplorationSettings settings) {
        this.search = search;
        this.settings = settings;
        this.executorOnPool = pool -> new ThreadPoolDesignPoints(search, pool);
    }

    /**
     * Searches the design points on {@code executor}; stage 1 and the fitness bounds (from {@code search}) stay on
     * the exploration's own threads. The executor must run the same candidate search as {@code search} bounds.
     */
    public DesignSpaceExplorer(CandidateSearch search, ExplorationSettings settings, DesignPointExecutor executor) {
        this.search = search;
        this.settings = settings;
        this.executorOnPool = pool -> executor;
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
        long startNs = settings.nanoClock().getAsLong();
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), new WorkerThreads());
        try {
            return new Run(request, seed, listener, checkpoint, pool, executorOnPool.apply(pool))
                    .explore(startNs);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A crossbar point and the ADC of each of its ResDAC values (empty where the library has none). */
    private record CrossbarPoint(double ratioRram, int resRramBits, int xbSizeRows, List<Optional<AdcSpec>> adcs) {
    }

    private record FilteredPoint(CrossbarPoint point, DuplicationOutcome outcome) {
    }

    private record SearchTask(int order, DesignPoint point, int candidateIndex, int candidates,
            DuplicationCandidate duplication, long seed, SearchKey searchKey) {
        DesignPointKey key() {
            return new DesignPointKey(order, point, candidateIndex, candidates, duplication.duplications());
        }
    }

    /**
     * What a candidate search depends on besides the request: design points equal in it (they differ only in
     * RatioRram, which steers stage 1 alone) share one search and its outcome.
     */
    private record SearchKey(int resRramBits, int xbSizeRows, int resDacBits, int adcBits,
            List<Integer> duplications) {
        static SearchKey of(DesignPoint p, DuplicationCandidate d) {
            return new SearchKey(p.resRramBits(), p.xbSizeRows(), p.resDacBits(), p.adcBits(),
                    Arrays.stream(d.duplications()).boxed().toList());
        }
    }

    /**
     * A design point's outcome and whether its search found a design, which the outcome says unless it was taken
     * from a checkpoint without its design.
     */
    private record Outcome(CandidateOutcome outcome, boolean found) {
        /** The same outcome for another design point of the same search. */
        Outcome at(SearchTask t) {
            return new Outcome(outcome.at(t.point(), t.duplication()), found);
        }

        /** A found design the outcome does not carry (taken from a checkpoint without it). */
        boolean designMissing() {
            return found && outcome.best() == null;
        }
    }

    /**
     * Whether a design of this fitness and order would enter top designs whose last is {@code bar} (null while they
     * are not full). Top designs only improve, so a design that would not enter them now never will.
     */
    private static boolean mayEnterTop(RankedDesign bar, int order, boolean found, double fitness) {
        if (!found || !(fitness > 0)) {
            return false;
        }
        if (bar == null) {
            return true;
        }
        // RANKING's order: fitness, highest first, then loop order.
        int byFitness = Double.compare(fitness, bar.fitness());
        return byFitness > 0 || byFitness == 0 && order < bar.order();
    }

    /** The state of one exploration. */
    private final class Run {
        private final SynthesisRequest request;
        private final long seed;
        private final ExplorationListener listener;
        private final ExplorationCheckpoint checkpoint;
        private final ExecutorService pool;
        private final DesignPointExecutor executor;
        private final List<RankedDesign> top = new ArrayList<>();
        private final Map<String, Integer> reasons = new HashMap<>();
        private final List<InfeasiblePoint> infeasible = new ArrayList<>();
        private int crossbarPoints;
        private int withoutAnyAdc;
        private int designPoints;
        private int withoutAdc;
        private int pruned;
        private int searched;
        private int reused;
        private int found;
        /** Outcomes of searches whose key later design points still share, and how many have yet to come. */
        private final Map<SearchKey, Outcome> shared = new HashMap<>();
        private final Map<SearchKey, Integer> pendingByKey = new HashMap<>();
        /** Keys of the design points visited so far: a point whose key is here shares an earlier search. */
        private final Set<SearchKey> searchedKeys = new HashSet<>();
        private long evaluations;
        private Map<Integer, FinishedDesignPoint> recorded = Map.of();
        private int fromCheckpoint;
        private boolean searchedOnce;

        Run(SynthesisRequest request, long seed, ExplorationListener listener, ExplorationCheckpoint checkpoint,
                ExecutorService pool, DesignPointExecutor executor) {
            this.request = request;
            this.seed = seed;
            this.listener = listener;
            this.checkpoint = checkpoint;
            this.pool = pool;
            this.executor = executor;
        }

        ExplorationResult explore(long startNs) {
            List<SearchTask> tasks = tasks(filter(crossbarPoints()));
            if (tasks.isEmpty()) {
                throw new NoFeasibleDesignException(WeightDuplication
                        .minimumTotalPowerMw(request.network(), request.library()).noFitMessage(request.totalPowerMw()));
            }
            double[] bounds = bounds(tasks);
            Integer[] byBound = new Integer[tasks.size()];
            Arrays.setAll(byBound, i -> i);
            Arrays.sort(byBound, (a, b) -> {
                int c = Double.compare(bounds[b], bounds[a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            for (SearchTask t : tasks) {
                pendingByKey.merge(t.searchKey(), 1, Integer::sum);
            }
            recorded = checkpoint.recorded(tasks.stream().map(SearchTask::key).toList());
            listener.started(tasks.size());
            int cursor = 0;
            int batchIndex = 0;
            // The first batch that searches runs whatever the budget, so that a run cut short still has designs to
            // show, and a resumed run gets further than its checkpoint.
            while (cursor < byBound.length && (!searchedOnce || !outOfTime(startNs))) {
                double bar = pruningBar();
                listener.stillSearchable(stillSearchable(bounds, byBound, cursor, bar));
                int size = ExplorationSettings.batchSize(batchIndex++);
                List<SearchTask> batch = new ArrayList<>(size);
                int skipped = 0;
                while (batch.size() < size && cursor < byBound.length) {
                    int t = byBound[cursor++];
                    if (bounds[t] < bar) {
                        skipped++;
                        visited(tasks.get(t).searchKey());
                    } else {
                        batch.add(tasks.get(t));
                    }
                }
                if (skipped > 0) {
                    pruned += skipped;
                    listener.pruned(skipped);
                }
                runBatch(batch, startNs);
            }
            int notVisited = byBound.length - cursor;
            if (top.isEmpty()) {
                if (notVisited > 0) {
                    throw new TimeBudgetSpentException(outOfTimeMessage(tasks.size()));
                }
                throw new NoFeasibleDesignException(noDesignMessage());
            }
            ExplorationStatistics stats = new ExplorationStatistics(crossbarPoints, infeasible.size(), withoutAnyAdc,
                    designPoints, withoutAdc, pruned, notVisited, searched, reused, found, evaluations);
            return new ExplorationResult(top, stats, infeasible, sortedReasons(),
                    (settings.nanoClock().getAsLong() - startNs) / 1_000_000, fromCheckpoint);
        }

        /**
         * The fitness a design point's bound must reach not to be pruned: the last top design's once the top designs
         * are full and pruning is on; until then none.
         */
        private double pruningBar() {
            RankedDesign last = lastTopDesign();
            return settings.pruning() && last != null ? last.fitness() : Double.NEGATIVE_INFINITY;
        }

        /** Design points from {@code cursor} on (by bound, highest first) whose bound reaches {@code bar}. */
        private int stillSearchable(double[] bounds, Integer[] byBound, int cursor, double bar) {
            int lo = cursor;
            int hi = byBound.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (bounds[byBound[mid]] >= bar) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo - cursor;
        }

        private boolean outOfTime(long startNs) {
            return settings.hasBudget() && settings.nanoClock().getAsLong() - startNs >= settings.budgetNs();
        }

        private List<CrossbarPoint> crossbarPoints() {
            HardwareLibrary library = request.library();
            DesignSpace space = library.search().designSpace();
            List<CrossbarPoint> points = new ArrayList<>();
            for (double ratio : space.ratioRram()) {
                for (int cellBits : space.resRramBits()) {
                    for (int size : space.xbSizeRows()) {
                        crossbarPoints++;
                        List<Optional<AdcSpec>> adcs = new ArrayList<>();
                        for (int dacBits : space.resDacBits()) {
                            adcs.add(library.adcFor(size, cellBits, dacBits));
                        }
                        if (adcs.stream().anyMatch(Optional::isPresent)) {
                            points.add(new CrossbarPoint(ratio, cellBits, size, adcs));
                        } else {
                            withoutAnyAdc++;
                        }
                    }
                }
            }
            return points;
        }

        /** Stage 1 of every point, on the pool, in the points' order. */
        private List<FilteredPoint> filter(List<CrossbarPoint> points) {
            List<Callable<FilteredPoint>> jobs = new ArrayList<>(points.size());
            for (CrossbarPoint p : points) {
                jobs.add(() -> new FilteredPoint(p, WeightDuplication.filter(request.network(), request.library(),
                        request.totalPowerMw(), p.ratioRram(), p.xbSizeRows(), p.resRramBits(),
                        ExplorationSeeds.duplicationFilter(seed, p.ratioRram(), p.resRramBits(), p.xbSizeRows()))));
            }
            return runAll(jobs);
        }

        /** The design points of the feasible crossbar points, in loop order. */
        private List<SearchTask> tasks(List<FilteredPoint> filtered) {
            List<SearchTask> tasks = new ArrayList<>();
            List<Integer> dacs = request.library().search().designSpace().resDacBits();
            for (FilteredPoint f : filtered) {
                CrossbarPoint p = f.point();
                if (f.outcome() instanceof DuplicationOutcome.Infeasible no) {
                    infeasible.add(new InfeasiblePoint(p.ratioRram(), p.resRramBits(), p.xbSizeRows(), no.reason()));
                    continue;
                }
                List<DuplicationCandidate> candidates = ((DuplicationOutcome.Feasible) f.outcome()).candidates();
                for (int c = 0; c < candidates.size(); c++) {
                    for (int d = 0; d < dacs.size(); d++) {
                        designPoints++;
                        Optional<AdcSpec> adc = p.adcs().get(d);
                        if (adc.isEmpty()) {
                            withoutAdc++;
                            continue;
                        }
                        DesignPoint point = new DesignPoint(p.ratioRram(), p.resRramBits(), p.xbSizeRows(),
                                dacs.get(d), adc.get().resolutionBits());
                        DuplicationCandidate dup = candidates.get(c);
                        tasks.add(new SearchTask(tasks.size(), point, c, candidates.size(), dup,
                                ExplorationSeeds.candidateSearch(seed, point, dup), SearchKey.of(point, dup)));
                    }
                }
            }
            return tasks;
        }

        /** The fitness bound of every task, computed once per search key: a shared search has one bound. */
        private double[] bounds(List<SearchTask> tasks) {
            Map<SearchKey, Integer> distinctOf = new HashMap<>();
            List<SearchTask> distinct = new ArrayList<>();
            int[] indexOf = new int[tasks.size()];
            for (int i = 0; i < tasks.size(); i++) {
                SearchTask t = tasks.get(i);
                Integer known = distinctOf.putIfAbsent(t.searchKey(), distinct.size());
                if (known == null) {
                    indexOf[i] = distinct.size();
                    distinct.add(t);
                } else {
                    indexOf[i] = known;
                }
            }
            double[] distinctBounds = boundsOf(distinct);
            double[] bounds = new double[tasks.size()];
            for (int i = 0; i < bounds.length; i++) {
                bounds[i] = distinctBounds[indexOf[i]];
            }
            return bounds;
        }

        private double[] boundsOf(List<SearchTask> tasks) {
            int threads = settings.threads();
            int chunk = (tasks.size() + threads - 1) / threads;
            List<Callable<double[]>> jobs = new ArrayList<>();
            for (int from = 0; from < tasks.size(); from += chunk) {
                List<SearchTask> slice = tasks.subList(from, Math.min(tasks.size(), from + chunk));
                jobs.add(() -> {
                    double[] out = new double[slice.size()];
                    for (int i = 0; i < out.length; i++) {
                        SearchTask t = slice.get(i);
                        out[i] = search.fitnessUpperBound(request, t.point(), t.duplication());
                    }
                    return out;
                });
            }
            double[] bounds = new double[tasks.size()];
            int at = 0;
            for (double[] part : runAll(jobs)) {
                System.arraycopy(part, 0, bounds, at, part.length);
                at += part.length;
            }
            return bounds;
        }

        private void runBatch(List<SearchTask> batch, long startNs) {
            RankedDesign bar = lastTopDesign();
            long[] doneNs = new long[batch.size()];
            Outcome[] outcomes = takeRecorded(batch, bar, doneNs, startNs);
            // One search per key: the first point of a key not searched yet runs it, the others take its outcome.
            List<DesignPointTask> jobs = new ArrayList<>(batch.size());
            List<Integer> slots = new ArrayList<>(batch.size());
            Set<SearchKey> searching = new HashSet<>();
            for (int i = 0; i < batch.size(); i++) {
                SearchTask t = batch.get(i);
                if (outcomes[i] != null || canShare(shared.get(t.searchKey()), t, bar)
                        || !searching.add(t.searchKey())) {
                    continue;
                }
                slots.add(i);
                jobs.add(new DesignPointTask(t.point(), t.duplication(), t.seed()));
            }
            List<CandidateOutcome> searchedNow = executor.searchAll(request, jobs, (job, outcome) -> {
                int slot = slots.get(job);
                doneNs[slot] = settings.nanoClock().getAsLong() - startNs;
                checkpoint.record(finished(batch.get(slot), new Outcome(outcome, outcome.found()), bar));
                listener.searched();
            });
            for (int k = 0; k < slots.size(); k++) {
                CandidateOutcome outcome = searchedNow.get(k);
                outcomes[slots.get(k)] = new Outcome(outcome, outcome.found());
                shared.put(batch.get(slots.get(k)).searchKey(), outcomes[slots.get(k)]);
            }
            searchedOnce |= !jobs.isEmpty();
            double before = top.isEmpty() ? 0 : top.get(0).fitness();
            for (int i = 0; i < batch.size(); i++) {
                SearchTask t = batch.get(i);
                if (outcomes[i] == null) {
                    outcomes[i] = shared.get(t.searchKey()).at(t);
                    doneNs[i] = settings.nanoClock().getAsLong() - startNs;
                    checkpoint.record(finished(t, outcomes[i], bar));
                    listener.searched();
                }
                // Whether a point ran its search or shared an earlier one depends on the visiting order alone, so
                // the counts do not change when outcomes come from a checkpoint.
                boolean sharedSearch = !searchedKeys.add(t.searchKey());
                if (sharedSearch) {
                    reused++;
                } else {
                    searched++;
                    evaluations += outcomes[i].outcome().evaluations();
                }
                record(t, outcomes[i]);
                visited(t.searchKey());
                listener.searched(new SearchedDesignPoint(t.candidateIndex(), t.candidates(), outcomes[i].outcome(),
                        outcomes[i].found(), sharedSearch, top.isEmpty() ? 0 : top.get(0).fitness(), doneNs[i]));
            }
            if (!top.isEmpty() && top.get(0).fitness() != before) {
                listener.bestFitness(top.get(0).fitness());
            }
        }

        /** One design point of the key is done; its shared outcome is dropped after the last. */
        private void visited(SearchKey key) {
            if (pendingByKey.merge(key, -1, Integer::sum) == 0) {
                pendingByKey.remove(key);
                shared.remove(key);
            }
        }

        /**
         * The outcomes of the batch's points that the checkpoint holds and that need no search: those with their
         * design, and those that cannot enter the top designs. Null for the points to search.
         */
        private Outcome[] takeRecorded(List<SearchTask> batch, RankedDesign bar, long[] doneNs, long startNs) {
            Outcome[] outcomes = new Outcome[batch.size()];
            int taken = 0;
            for (int i = 0; i < batch.size(); i++) {
                SearchTask t = batch.get(i);
                FinishedDesignPoint f = recorded.get(t.order());
                if (f != null && (f.designKept() || !mayEnterTop(bar, t.order(), f.found(), f.fitness()))) {
                    outcomes[i] = new Outcome(f.outcome(t.duplication()), f.found());
                    shared.putIfAbsent(t.searchKey(), outcomes[i]);
                    doneNs[i] = settings.nanoClock().getAsLong() - startNs;
                    taken++;
                }
            }
            if (taken > 0) {
                fromCheckpoint += taken;
                listener.fromCheckpoint(taken);
            }
            return outcomes;
        }

        /**
         * Whether a point may take the outcome of its key's earlier search: always, unless that outcome lacks a
         * design this point would need to enter the top designs (then it searches again, to the same outcome).
         */
        private static boolean canShare(Outcome earlier, SearchTask t, RankedDesign bar) {
            return earlier != null
                    && !(earlier.designMissing() && mayEnterTop(bar, t.order(), true, earlier.outcome().fitness()));
        }

        /** A point as the checkpoint keeps it: with its design only where that could enter the top designs. */
        private static FinishedDesignPoint finished(SearchTask t, Outcome o, RankedDesign bar) {
            CandidateOutcome c = o.outcome();
            boolean keep = c.found() && mayEnterTop(bar, t.order(), true, c.fitness());
            return new FinishedDesignPoint(t.key(), o.found(), c.fitness(), c.bestFitnessPerGeneration(),
                    c.evaluations(), c.reason(), keep ? c.best() : null);
        }

        /** The last of the top designs once they are full, which a design must outrank to enter; else null. */
        private RankedDesign lastTopDesign() {
            return top.size() == settings.topDesigns() ? top.get(top.size() - 1) : null;
        }

        private void record(SearchTask task, Outcome searchedOutcome) {
            CandidateOutcome outcome = searchedOutcome.outcome();
            boolean designFound = searchedOutcome.found();
            if (!designFound || !(outcome.fitness() > 0)) {
                String reason = outcome.reason().isBlank()
                        ? (designFound ? "its best design has a fitness of 0" : "no design found")
                        : outcome.reason();
                reasons.merge(reason, 1, Integer::sum);
                return;
            }
            found++;
            if (!outcome.found()) {
                // Taken from a checkpoint without its design, which takeRecorded allows only below the top.
                if (mayEnterTop(lastTopDesign(), task.order(), true, outcome.fitness())) {
                    throw new IllegalStateException(task.key() + " would enter the top designs without its design");
                }
                return;
            }
            RankedDesign ranked = new RankedDesign(task.order(), task.candidateIndex(), task.candidates(), outcome);
            int at = Collections.binarySearch(top, ranked, RANKING);
            top.add(at < 0 ? -at - 1 : at, ranked);
            if (top.size() > settings.topDesigns()) {
                top.remove(top.size() - 1);
            }
        }

        private Map<String, Integer> sortedReasons() {
            List<Map.Entry<String, Integer>> entries = new ArrayList<>(reasons.entrySet());
            entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey()));
            Map<String, Integer> sorted = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : entries) {
                sorted.put(e.getKey(), e.getValue());
            }
            return sorted;
        }

        private String noDesignMessage() {
            StringBuilder s = new StringBuilder("no design fits under ")
                    .append(BigDecimal.valueOf(request.totalPowerMw() / 1000).stripTrailingZeros().toPlainString())
                    .append(" W: ").append(String.format(Locale.ROOT, "%,d", searched))
                    .append(" design point").append(searched == 1 ? "" : "s")
                    .append(" searched, none yielded a design within the budget; ");
            Map<String, Integer> sorted = sortedReasons();
            s.append(sorted.size() == 1 ? "reason: " : "most frequent reasons: ");
            int shown = 0;
            for (Map.Entry<String, Integer> e : sorted.entrySet()) {
                if (shown == REASONS_IN_MESSAGE) {
                    break;
                }
                s.append(shown > 0 ? "; " : "").append(e.getKey()).append(" (")
                        .append(String.format(Locale.ROOT, "%,d", e.getValue())).append(" design point")
                        .append(e.getValue() == 1 ? "" : "s").append(')');
                shown++;
            }
            if (sorted.size() > shown) {
                s.append("; and ").append(sorted.size() - shown).append(" other reason")
                        .append(sorted.size() - shown == 1 ? "" : "s");
            }
            return s.toString();
        }

        private String outOfTimeMessage(int total) {
            return "the time budget of " + BigDecimal.valueOf(settings.budgetNs() / 60e9).round(
                    new MathContext(6)).stripTrailingZeros().toPlainString()
                    + " minutes ran out before a design was found: " + String.format(Locale.ROOT, "%,d", searched)
                    + " of " + String.format(Locale.ROOT, "%,d", total)
                    + " design points searched, none yielded a design within the power budget";
        }

        private <T> List<T> runAll(List<Callable<T>> jobs) {
            return PoolJobs.runAll(pool, jobs);
        }
    }

    /** Daemon workers, so that a failing run never keeps the JVM alive. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger next = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "pimsyn-explore-" + next.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
