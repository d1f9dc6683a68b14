package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.NoFeasibleDesignException;
import org.pimsyn.synth.design.SynthesisRequest;

class ExplorationBudgetTest {
    private static final SynthesisRequest REQUEST = SmallCases.request();

    private static ExplorationResult explore(TickingSearch search, long budgetNs, int threads,
            ExplorationListener listener) {
        // Ten top designs: the fake search's designs then prune nothing before the budget tests' last batches.
        ExplorationSettings settings = new ExplorationSettings(threads, true).withTopDesigns(10)
                .withBudget(budgetNs, search.clock());
        return new DesignSpaceExplorer(search, settings).explore(REQUEST, 1, listener);
    }

    private static List<String> signature(ExplorationResult r) {
        List<String> out = new ArrayList<>();
        for (RankedDesign d : r.topDesigns()) {
            out.add(d.order() + " " + d.point() + " candidate " + d.candidateIndex() + " fitness " + d.fitness());
        }
        return out;
    }

    @Test
    void theSmallCaseHasMoreDesignPointsThanTheFirstThreeBatches() {
        ExplorationStatistics s = explore(new TickingSearch(new FakeCandidateSearch()), ExplorationSettings.NO_BUDGET,
                2, ExplorationListener.NONE).statistics();
        assertEquals(19, s.designPoints() - s.designPointsWithoutAdc(), "more than 2 + 4 + 8");
    }

    @Test
    void batchesStartSmallAndDoubleUpToSixteen() {
        assertEquals(List.of(2, 4, 8, 16, 16, 16), List.of(ExplorationSettings.batchSize(0),
                ExplorationSettings.batchSize(1), ExplorationSettings.batchSize(2), ExplorationSettings.batchSize(3),
                ExplorationSettings.batchSize(4), ExplorationSettings.batchSize(Integer.MAX_VALUE)));
        assertThrows(IllegalArgumentException.class, () -> ExplorationSettings.batchSize(-1));
    }

    @Test
    void aBudgetOfZeroStopsInStageOneBeforeAnySearch() {
        FakeCandidateSearch fake = new FakeCandidateSearch();
        TimeBudgetSpentException e = assertThrows(TimeBudgetSpentException.class,
                () -> explore(new TickingSearch(fake), 0, 2, ExplorationListener.NONE));
        assertEquals("the time budget of 0 minutes ran out before a design was found: stage 1 (weight duplication) "
                + "was under way, and no design point was searched", e.getMessage());
        assertEquals(0, fake.calls().size());
    }

    @Test
    void aBudgetSpentDuringTheFirstBatchOfSearchesThatCannotStopEndsAfterIt() {
        FakeCandidateSearch fake = new FakeCandidateSearch();
        ExplorationResult r = explore(new TickingSearch(fake), 1, 2, ExplorationListener.NONE);
        ExplorationStatistics s = r.statistics();
        int visitable = s.designPoints() - s.designPointsWithoutAdc();
        assertEquals(ExplorationSettings.FIRST_BATCH_SIZE, s.designPointsSearched());
        assertEquals(ExplorationSettings.FIRST_BATCH_SIZE, fake.calls().size());
        assertEquals(0, s.designPointsPruned(), "nothing is pruned before the first batch");
        assertEquals(visitable - ExplorationSettings.FIRST_BATCH_SIZE, s.designPointsNotVisited());
        assertTrue(s.cutShort());
        assertEquals(2_000, r.wallTimeMs(), "two design points of one second each on the fake clock");
    }

    @Test
    void theBudgetIsCheckedBeforeEachBatchSoOneSpentDuringTheLastBatchIsNoCut() {
        ExplorationStatistics exact = explore(new TickingSearch(new FakeCandidateSearch()),
                14 * TickingSearch.SECOND_NS, 1, ExplorationListener.NONE).statistics();
        assertEquals(14, exact.designPointsSearched(), "spent at 2 + 4 + 8 s: no fourth batch");
        assertTrue(exact.cutShort());
        ExplorationStatistics later = explore(new TickingSearch(new FakeCandidateSearch()),
                15 * TickingSearch.SECOND_NS, 1, ExplorationListener.NONE).statistics();
        assertEquals(later.designPoints() - later.designPointsWithoutAdc(),
                later.designPointsSearched() + later.designPointsPruned(), "the fourth batch is the last");
        assertEquals(0, later.designPointsNotVisited());
        assertFalse(later.cutShort());
    }

    @Test
    void aBudgetNeverReachedChangesNothing() {
        ExplorationResult unlimited = explore(new TickingSearch(new FakeCandidateSearch()),
                ExplorationSettings.NO_BUDGET, 2, ExplorationListener.NONE);
        ExplorationResult generous = explore(new TickingSearch(new FakeCandidateSearch()),
                1_000_000 * TickingSearch.SECOND_NS, 2, ExplorationListener.NONE);
        ExplorationResult plain = new DesignSpaceExplorer(new FakeCandidateSearch(),
                new ExplorationSettings(2, true).withTopDesigns(10)).explore(REQUEST, 1, ExplorationListener.NONE);
        assertEquals(signature(plain), signature(unlimited));
        assertEquals(signature(plain), signature(generous));
        assertEquals(plain.statistics(), generous.statistics());
        assertEquals(plain.noDesignReasons(), generous.noDesignReasons());
        assertEquals(0, generous.statistics().designPointsNotVisited());
        assertFalse(generous.statistics().cutShort());
    }

    @Test
    void aBudgetSpentBeforeAnyDesignIsFoundIsNoFeasibleDesign() {
        NoFeasibleDesignException e = assertThrows(NoFeasibleDesignException.class,
                () -> explore(new TickingSearch(new FakeCandidateSearch(1.0)), 60 * TickingSearch.SECOND_NS / 10,
                        2, ExplorationListener.NONE));
        assertTrue(e.getMessage().startsWith("the time budget of 0.1 minutes ran out before a design was found: "
                + "6 of "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" design points searched, none yielded a design within the power budget"),
                e.getMessage());
    }

    @Test
    void everySearchedDesignPointReachesTheListenerInVisitOrderWithTheBestSoFar() {
        List<SearchedDesignPoint> seen = new ArrayList<>();
        ExplorationListener listener = new ExplorationListener() {
            @Override
            public void searched(SearchedDesignPoint point) {
                seen.add(point);
            }
        };
        ExplorationResult r = explore(new TickingSearch(new FakeCandidateSearch()), ExplorationSettings.NO_BUDGET, 1,
                listener);
        assertEquals(r.statistics().designPointsSearched(), seen.size());
        double best = 0;
        for (int i = 0; i < seen.size(); i++) {
            SearchedDesignPoint p = seen.get(i);
            if (p.outcome().found()) {
                best = Math.max(best, p.outcome().fitness());
            }
            assertEquals(best, p.bestFitnessSoFar(), "point " + i);
            assertEquals((i + 1) * TickingSearch.SECOND_NS, p.nanosSinceStart(), "one thread, one second a point");
            assertTrue(p.candidateIndex() < p.candidates());
        }
        assertEquals(r.best().fitness(), seen.get(seen.size() - 1).bestFitnessSoFar());
    }

    @Test
    void aNegativeBudgetIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ExplorationSettings(1, true).withBudget(-1, System::nanoTime));
    }
}
