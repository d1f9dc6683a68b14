package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.SynthesisRequest;

/**
 * Runs stopped part-way (a search that fails, as a killed run, or a time budget) and continued from their
 * checkpoint reach the result of a run never stopped: the same top designs with the same figures, statistics and
 * reasons, and the same design points reported in the same order.
 */
class ExplorationResumeTest {
    private static final SynthesisRequest REQUEST = SmallCases.request();

    private static SynthesisRequest atPower(double powerMw) {
        return new SynthesisRequest(REQUEST.network(), REQUEST.library(), powerMw, REQUEST.macroMode(), true,
                REQUEST.genes(), REQUEST.generations(), REQUEST.fitnessRun());
    }

    /** Everything a run's outcome is judged by, but its wall time and which points it took from a checkpoint. */
    record Outcome(List<String> top, ExplorationStatistics statistics, Object reasons, List<String> log) {
    }

    /** The points reported to the listener, as the exploration log would write them but for times. */
    static final class Log implements ExplorationListener {
        final List<String> lines = new ArrayList<>();
        final AtomicInteger searchedNow = new AtomicInteger();
        int fromCheckpoint;

        @Override
        public void searched() {
            searchedNow.incrementAndGet();
        }

        @Override
        public void fromCheckpoint(int designPoints) {
            fromCheckpoint += designPoints;
        }

        @Override
        public void searched(SearchedDesignPoint p) {
            CandidateOutcome o = p.outcome();
            lines.add(p.point() + " candidate " + p.candidateIndex() + "/" + p.candidates() + " found " + p.found()
                    + " fitness " + o.fitness() + " '" + o.reason() + "' evaluations " + o.evaluations() + " history "
                    + Arrays.toString(o.bestFitnessPerGeneration()) + " best so far " + p.bestFitnessSoFar());
        }
    }

    static Outcome outcome(ExplorationResult r, Log log) {
        List<String> top = new ArrayList<>();
        for (RankedDesign d : r.topDesigns()) {
            top.add(d.order() + " " + d.point() + " candidate " + d.candidateIndex() + " fitness " + d.fitness()
                    + " evaluations " + d.outcome().evaluations() + " " + d.design().performance() + " "
                    + d.outcome().duplication());
        }
        return new Outcome(top, r.statistics(), r.noDesignReasons(), log.lines);
    }

    private static ExplorationResult run(CandidateSearch search, SynthesisRequest request, int threads,
            ExplorationCheckpoint checkpoint, Log log) {
        return run(search, request, new ExplorationSettings(threads, true).withTopDesigns(10), checkpoint, log);
    }

    private static ExplorationResult run(CandidateSearch search, SynthesisRequest request,
            ExplorationSettings settings, ExplorationCheckpoint checkpoint, Log log) {
        return new DesignSpaceExplorer(search, settings).explore(request, 1, log, checkpoint);
    }

    /** The searches recorded points stand for: one per distinct search (design points sharing one count once). */
    private static long searches(List<FinishedDesignPoint> points) {
        return points.stream().map(p -> p.key().point().resRramBits() + " " + p.key().point().xbSizeRows() + " "
                + p.key().point().resDacBits() + " " + Arrays.toString(p.key().duplications())).distinct().count();
    }

    @Test
    void aRunStoppedPartWayAndResumedGivesTheResultOfOneNeverStoppedWhateverTheThreads() {
        int[][] threads = {{4, 1}, {1, 3}, {2, 2}};
        int cases = 0;
        for (double powerMw : new double[] {300, 1500}) {
            SynthesisRequest request = atPower(powerMw);
            Log plainLog = new Log();
            ExplorationResult plain = run(new FakeCandidateSearch(), request, 2, ExplorationCheckpoint.NONE,
                    plainLog);
            int searched = plain.statistics().designPointsSearched();
            int visited = searched + plain.statistics().designPointsReused();
            for (int stopAfter : new int[] {1, ExplorationSettings.BATCH_SIZE - 3, ExplorationSettings.BATCH_SIZE,
                    searched - 1}) {
                if (stopAfter >= searched) {
                    continue;
                }
                int[] t = threads[cases++ % threads.length];
                String where = powerMw + " mW, stopped after " + stopAfter + " on " + t[0] + " threads, resumed on "
                        + t[1];
                MemoryCheckpoint first = new MemoryCheckpoint();
                assertThrows(IllegalStateException.class, () -> run(
                        new StoppingSearch(new FakeCandidateSearch(), stopAfter), request, t[0], first, new Log()),
                        where);
                int recorded = first.points().size();
                assertEquals(stopAfter, searches(first.points()), where);

                FakeCandidateSearch fake = new FakeCandidateSearch();
                Log log = new Log();
                ExplorationResult resumed = run(fake, request, t[1], first.resumed(), log);
                assertEquals(outcome(plain, plainLog), outcome(resumed, log), where);
                assertEquals(recorded, resumed.designPointsFromCheckpoint(), where);
                assertEquals(recorded, log.fromCheckpoint, where);
                assertEquals(searched - stopAfter, fake.calls().size(), "nothing is searched twice; " + where);
                assertEquals(visited - recorded, log.searchedNow.get(), where);
            }
        }
    }

    @Test
    void aRunKeepingOneDesignStoppedPartWayAndResumedGivesTheResultOfOneNeverStopped() {
        int stops = 0;
        for (double powerMw : new double[] {300, 1500}) {
            SynthesisRequest request = atPower(powerMw);
            ExplorationSettings one = new ExplorationSettings(2, true).withTopDesigns(1);
            Log plainLog = new Log();
            ExplorationResult plain = run(new FakeCandidateSearch(), request, one, ExplorationCheckpoint.NONE,
                    plainLog);
            int searched = plain.statistics().designPointsSearched();
            for (int stopAfter : new int[] {1, ExplorationSettings.BATCH_SIZE - 3, searched - 1}) {
                if (stopAfter >= searched) {
                    continue;
                }
                stops++;
                String where = powerMw + " mW, stopped after " + stopAfter;
                MemoryCheckpoint first = new MemoryCheckpoint();
                assertThrows(IllegalStateException.class, () -> run(
                        new StoppingSearch(new FakeCandidateSearch(), stopAfter), request, one, first, new Log()),
                        where);
                FakeCandidateSearch fake = new FakeCandidateSearch();
                Log log = new Log();
                ExplorationResult resumed = run(fake, request, one, first.resumed(), log);
                assertEquals(outcome(plain, plainLog), outcome(resumed, log), where);
                assertEquals(searched - stopAfter, fake.calls().size(), "nothing is searched twice; " + where);
            }
        }
        assertTrue(stops >= 4, stops + " stopped runs");
    }

    @Test
    void aRunCutShortByItsBudgetAndResumedWithoutOneGivesTheUnlimitedResult() {
        Log plainLog = new Log();
        ExplorationResult plain = run(new FakeCandidateSearch(), REQUEST, 2, ExplorationCheckpoint.NONE, plainLog);
        MemoryCheckpoint first = new MemoryCheckpoint();
        TickingSearch ticking = new TickingSearch(new FakeCandidateSearch());
        // One nanosecond: spent by the first batch, whose fake searches run to their end.
        ExplorationResult cut = new DesignSpaceExplorer(ticking,
                new ExplorationSettings(2, true).withTopDesigns(10).withBudget(1, ticking.clock()))
                .explore(REQUEST, 1, new Log(), first);
        assertTrue(cut.statistics().cutShort());
        assertEquals(ExplorationSettings.FIRST_BATCH_SIZE, first.points().size());

        Log log = new Log();
        ExplorationResult resumed = run(new FakeCandidateSearch(), REQUEST, 1, first.resumed(), log);
        assertEquals(outcome(plain, plainLog), outcome(resumed, log));
        assertTrue(!resumed.statistics().cutShort());
    }

    @Test
    void aResumedRunsBudgetCountsFromItsStartAndBatchesTakenFromTheCheckpointCostNothing() {
        SynthesisRequest request = atPower(1500);
        MemoryCheckpoint first = new MemoryCheckpoint();
        TickingSearch ticking = new TickingSearch(new FakeCandidateSearch());
        new DesignSpaceExplorer(ticking,
                new ExplorationSettings(2, true).withTopDesigns(10).withBudget(1, ticking.clock()))
                .explore(request, 1, ExplorationListener.NONE, first);

        // Again with a nanosecond: the batch taken from the checkpoint costs nothing, and the next one runs.
        FakeCandidateSearch fake = new FakeCandidateSearch();
        TickingSearch again = new TickingSearch(fake);
        ExplorationResult resumed = new DesignSpaceExplorer(again,
                new ExplorationSettings(2, true).withTopDesigns(10).withBudget(1, again.clock()))
                .explore(request, 1, ExplorationListener.NONE, first.resumed());
        ExplorationStatistics s = resumed.statistics();
        assertEquals(ExplorationSettings.FIRST_BATCH_SIZE, resumed.designPointsFromCheckpoint());
        assertTrue(fake.calls().size() > 0);
        assertEquals(s.designPointsSearched() - searches(first.points()), fake.calls().size());
        assertEquals(fake.calls().size() * 1000L, resumed.wallTimeMs(), "only this run's searches count");
    }

    @Test
    void aCompleteCheckpointSearchesNothing() {
        Log plainLog = new Log();
        MemoryCheckpoint first = new MemoryCheckpoint();
        ExplorationResult plain = run(new FakeCandidateSearch(), REQUEST, 3, first, plainLog);
        FakeCandidateSearch fake = new FakeCandidateSearch();
        Log log = new Log();
        ExplorationResult resumed = run(fake, REQUEST, 2, first.resumed(), log);
        assertEquals(outcome(plain, plainLog), outcome(resumed, log));
        assertEquals(0, fake.calls().size());
        assertEquals(plain.statistics().designPointsSearched(), resumed.designPointsFromCheckpoint());
    }

    @Test
    void theCheckpointKeepsTheDesignsOfThePointsThatCouldEnterTheTopAndNoOthers() {
        int keptInAll = 0;
        int foundInAll = 0;
        for (double powerMw : new double[] {300, 800, 1500, 3000}) {
            MemoryCheckpoint checkpoint = new MemoryCheckpoint();
            ExplorationResult r = run(new FakeCandidateSearch(), atPower(powerMw), 2, checkpoint, new Log());
            List<FinishedDesignPoint> points = checkpoint.points();
            assertEquals(r.statistics().designPointsSearched() + r.statistics().designPointsReused(), points.size());
            Set<Integer> kept = new HashSet<>();
            int found = 0;
            for (FinishedDesignPoint p : points) {
                found += p.found() && p.fitness() > 0 ? 1 : 0;
                if (p.designKept()) {
                    kept.add(p.key().order());
                    assertTrue(p.fitness() > 0);
                    assertEquals(p.key().point(), p.design().point());
                }
            }
            for (RankedDesign d : r.topDesigns()) {
                assertTrue(kept.contains(d.order()), "top design " + d.order() + " at " + powerMw + " mW");
            }
            keptInAll += kept.size();
            foundInAll += found;
        }
        // The first batch keeps every design it finds; later ones only what beats the 10th best before them.
        assertTrue(keptInAll < foundInAll, keptInAll + " kept of " + foundInAll);
    }

    @Test
    void aCheckpointWithoutDesignsSearchesAgainOnlyThePointsThatCouldEnterTheTop() {
        Log plainLog = new Log();
        MemoryCheckpoint complete = new MemoryCheckpoint();
        ExplorationResult plain = run(new FakeCandidateSearch(), REQUEST, 2, complete, plainLog);

        FakeCandidateSearch fake = new FakeCandidateSearch();
        Log log = new Log();
        MemoryCheckpoint stripped = complete.withoutDesigns();
        ExplorationResult resumed = run(fake, REQUEST, 2, stripped, log);
        assertEquals(outcome(plain, plainLog), outcome(resumed, log));
        Set<DesignPoint> searchedAgain = new HashSet<>();
        fake.calls().forEach(c -> searchedAgain.add(c.point()));
        for (RankedDesign d : plain.topDesigns()) {
            assertTrue(searchedAgain.contains(d.point()), "top design " + d.order() + " is searched again");
        }
        assertEquals(plain.statistics().designPointsSearched() - fake.calls().size(),
                resumed.designPointsFromCheckpoint());
        long foundNothing = complete.points().stream().filter(p -> !p.found()).count();
        assertTrue(foundNothing > 0 && resumed.designPointsFromCheckpoint() >= foundNothing,
                "points that found nothing are never searched again");

        // Searched again, they are recorded again with their designs, and a later resume takes every point.
        assertEquals(fake.calls().size(), stripped.points().size());
        assertTrue(stripped.points().stream().allMatch(FinishedDesignPoint::designKept));
        FakeCandidateSearch none = new FakeCandidateSearch();
        Log lastLog = new Log();
        ExplorationResult last = run(none, REQUEST, 1, stripped.resumed(), lastLog);
        assertEquals(outcome(plain, plainLog), outcome(last, lastLog));
        assertEquals(0, none.calls().size());
    }
}
