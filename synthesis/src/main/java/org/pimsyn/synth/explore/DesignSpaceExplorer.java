package org.pimsyn.synth.explore;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * best designs by fitness are kept, ties going to the design point that comes first in the loop order.
 *
 * <p>Determinism: every random search is seeded from the run seed and the identity of what it searches
 * ({@link ExplorationSeeds}); results are merged in a fixed order. Pruning visits design points by fitness bound,
 * highest first, in batches of {@link ExplorationSettings#BATCH_SIZE}; before each batch it skips those whose
 * bound is below the fitness of the current last top design. Such a point can neither be the best nor enter the
 * top designs, and which points are skipped depends only on the inputs and the seed, so one thread and many give
 * the same designs, and so does pruning off.
 *
 * <p>Where the searches run: stage 1 and the fitness bounds on the exploration's own threads; the candidate
 * searches of each batch on a {@link DesignPointExecutor}, by default those same threads, or a cluster. Each search
 * carries its seed, and the driver counts outcomes in batch order, so the executor changes nothing in the result.
 *
 * <p>Time budget: once it is spent, no new batch starts; the batch under way finishes, and the first batch always
 * runs. The designs are then those of an unlimited run cut after the same number of batches, so only how many
 * batches ran depends on speed.
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
        long startNs = settings.nanoClock().getAsLong();
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), new WorkerThreads());
        try {
            return new Run(request, seed, listener, pool, executorOnPool.apply(pool)).explore(startNs);
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
            DuplicationCandidate duplication, long seed) {
    }

    /** The state of one exploration. */
    private final class Run {
        private final SynthesisRequest request;
        private final long seed;
        private final ExplorationListener listener;
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
        private int found;
        private long evaluations;

        Run(SynthesisRequest request, long seed, ExplorationListener listener, ExecutorService pool,
                DesignPointExecutor executor) {
            this.request = request;
            this.seed = seed;
            this.listener = listener;
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
            listener.started(tasks.size());
            int cursor = 0;
            // The first batch runs whatever the budget, so that a run cut short still has designs to show.
            while (cursor < byBound.length && (cursor == 0 || !outOfTime(startNs))) {
                List<SearchTask> batch = new ArrayList<>(ExplorationSettings.BATCH_SIZE);
                int skipped = 0;
                while (batch.size() < ExplorationSettings.BATCH_SIZE && cursor < byBound.length) {
                    int t = byBound[cursor++];
                    if (settings.pruning() && top.size() == ExplorationSettings.TOP_DESIGNS
                            && bounds[t] < top.get(top.size() - 1).fitness()) {
                        skipped++;
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
                throw new NoFeasibleDesignException(notVisited > 0 ? outOfTimeMessage(tasks.size())
                        : noDesignMessage());
            }
            ExplorationStatistics stats = new ExplorationStatistics(crossbarPoints, infeasible.size(), withoutAnyAdc,
                    designPoints, withoutAdc, pruned, notVisited, searched, found, evaluations);
            return new ExplorationResult(top, stats, infeasible, sortedReasons(),
                    (settings.nanoClock().getAsLong() - startNs) / 1_000_000);
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
                        tasks.add(new SearchTask(tasks.size(), point, c, candidates.size(), candidates.get(c),
                                ExplorationSeeds.candidateSearch(seed, point, c)));
                    }
                }
            }
            return tasks;
        }

        private double[] bounds(List<SearchTask> tasks) {
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
            List<DesignPointTask> jobs = new ArrayList<>(batch.size());
            for (SearchTask t : batch) {
                jobs.add(new DesignPointTask(t.point(), t.duplication(), t.seed()));
            }
            long[] doneNs = new long[batch.size()];
            List<CandidateOutcome> outcomes = executor.searchAll(request, jobs, (slot, outcome) -> {
                doneNs[slot] = settings.nanoClock().getAsLong() - startNs;
                listener.searched();
            });
            double before = top.isEmpty() ? 0 : top.get(0).fitness();
            for (int i = 0; i < batch.size(); i++) {
                SearchTask t = batch.get(i);
                record(t, outcomes.get(i));
                listener.searched(new SearchedDesignPoint(t.candidateIndex(), t.candidates(), outcomes.get(i),
                        top.isEmpty() ? 0 : top.get(0).fitness(), doneNs[i]));
            }
            if (!top.isEmpty() && top.get(0).fitness() != before) {
                listener.bestFitness(top.get(0).fitness());
            }
        }

        private void record(SearchTask task, CandidateOutcome outcome) {
            searched++;
            evaluations += outcome.evaluations();
            if (!outcome.found() || !(outcome.fitness() > 0)) {
                String reason = outcome.reason().isBlank()
                        ? (outcome.found() ? "its best design has a fitness of 0" : "no design found")
                        : outcome.reason();
                reasons.merge(reason, 1, Integer::sum);
                return;
            }
            found++;
            RankedDesign ranked = new RankedDesign(task.order(), task.candidateIndex(), task.candidates(), outcome);
            int at = Collections.binarySearch(top, ranked, RANKING);
            top.add(at < 0 ? -at - 1 : at, ranked);
            if (top.size() > ExplorationSettings.TOP_DESIGNS) {
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
