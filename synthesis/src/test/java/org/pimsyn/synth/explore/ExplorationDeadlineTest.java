package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.CandidateSearches;
import org.pimsyn.synth.design.MacroMode;
import org.pimsyn.synth.design.SynthesisRequest;

/**
 * The time budget holds: stage 1, the fitness bounds and the candidate searches stop within max(10 s, 5 % of the
 * budget) after it, on a clock where every check of the deadline costs a second (and every bound ten), so that a
 * part that did not check would run far past it. A search stopped part-way leaves nothing behind, and the run
 * resumed from its checkpoint gives the result of a run never stopped.
 */
class ExplorationDeadlineTest {
    private static final long SECOND_NS = TickingSearch.SECOND_NS;
    /** The small case at a power where the real search finds designs. */
    private static final SynthesisRequest REQUEST = new SynthesisRequest(SmallCases.network(), SmallCases.library(),
            3000, MacroMode.SPECIFIED, true, 3, 4, 2);
    /** A budget no run reaches, so that the deadline is read as often as in a run that is cut. */
    private static final long NEVER_NS = Long.MAX_VALUE / 2;

    private static long slackNs(long budgetNs) {
        return Math.max(10 * SECOND_NS, budgetNs / 20);
    }

    /** The clock when each phase began, and before and after each search that ended. */
    private static final class Marks extends DelegatingSearch implements ExplorationListener {
        final ReadTickingClock clock;
        final long boundNs;
        long boundsStartNs;
        long designPointsStartNs;
        final List<long[]> searches = new ArrayList<>();
        private long searchStartNs;

        Marks(CandidateSearch inner, ReadTickingClock clock, long boundNs) {
            super(inner);
            this.clock = clock;
            this.boundNs = boundNs;
        }

        @Override
        public void phaseStarted(ExplorationPhase phase, int steps) {
            if (phase == ExplorationPhase.BOUNDS) {
                boundsStartNs = clock.peek();
            }
        }

        @Override
        public void started(int designPoints) {
            designPointsStartNs = clock.peek();
        }

        @Override
        protected void beforeSearch() {
            searchStartNs = clock.peek();
        }

        @Override
        protected void afterSearch() {
            searches.add(new long[] {searchStartNs, clock.peek()});
        }

        @Override
        protected void afterBound() {
            clock.advance(boundNs);
        }
    }

    private static ExplorationResult explore(Marks marks, long budgetNs, ExplorationListener listener,
            ExplorationCheckpoint checkpoint) {
        // Ten top designs: more points are searched before pruning ends the run.
        ExplorationSettings settings = new ExplorationSettings(1, true).withTopDesigns(10)
                .withBudget(budgetNs, marks.clock);
        return new DesignSpaceExplorer(marks, settings)
                .explore(REQUEST, 1, ExplorationListener.both(marks, listener), checkpoint);
    }

    /** Runs into the budget and checks where and how soon after it the run stopped. */
    private static void assertStopsIn(ExplorationPhase phase, long boundNs, long budgetNs, long phaseEndNs) {
        Marks cut = new Marks(new FakeCandidateSearch(), new ReadTickingClock(SECOND_NS), boundNs);
        long before = cut.clock.peek();
        assertTrue(phaseEndNs - before > budgetNs + slackNs(budgetNs), "the phase would run past the slack");
        TimeBudgetSpentException e = assertThrows(TimeBudgetSpentException.class,
                () -> explore(cut, budgetNs, ExplorationListener.NONE, ExplorationCheckpoint.NONE));
        assertEquals(NoDesignMessages.outOfTimeIn(budgetNs, phase), e.getMessage());
        long overNs = cut.clock.peek() - before - budgetNs;
        assertTrue(overNs >= 0 && overNs <= slackNs(budgetNs), overNs / 1e9 + " s past the budget");
        assertTrue(cut.searches.isEmpty());
    }

    @Test
    void stageOneStopsWithinTheSlackOfTheDeadline() {
        Marks whole = new Marks(new FakeCandidateSearch(), new ReadTickingClock(SECOND_NS), 0);
        long before = whole.clock.peek();
        explore(whole, NEVER_NS, ExplorationListener.NONE, ExplorationCheckpoint.NONE);
        assertStopsIn(ExplorationPhase.DUPLICATION, 0, (whole.boundsStartNs - before) / 4, whole.boundsStartNs);
    }

    @Test
    void theBoundsStopWithinTheSlackOfTheDeadline() {
        long boundNs = 10 * SECOND_NS;
        Marks whole = new Marks(new FakeCandidateSearch(), new ReadTickingClock(SECOND_NS), boundNs);
        long before = whole.clock.peek();
        explore(whole, NEVER_NS, ExplorationListener.NONE, ExplorationCheckpoint.NONE);
        long budgetNs = (whole.boundsStartNs + whole.designPointsStartNs) / 2 - before;
        assertStopsIn(ExplorationPhase.BOUNDS, boundNs, budgetNs, whole.designPointsStartNs);
    }

    @Test
    void aSearchStoppedMidEvolutionLeavesNothingBehindAndTheResumedRunIsTheWholeRun() {
        ExplorationResumeTest.Log wholeLog = new ExplorationResumeTest.Log();
        Marks whole = new Marks(CandidateSearches.standard(), new ReadTickingClock(SECOND_NS), 0);
        long before = whole.clock.peek();
        ExplorationResult unlimited = explore(whole, NEVER_NS, wholeLog, ExplorationCheckpoint.NONE);
        assertTrue(whole.searches.size() > 4, whole.searches.size() + " searches");
        // Halfway through the fourth search, in the second batch: one that simulates a gene per second.
        long[] fourth = whole.searches.get(3);
        assertTrue(fourth[1] - fourth[0] >= 4 * SECOND_NS, "the fourth search scores several genes");
        long budgetNs = (fourth[0] + fourth[1]) / 2 - before;

        ExplorationResumeTest.Log cutLog = new ExplorationResumeTest.Log();
        MemoryCheckpoint first = new MemoryCheckpoint();
        Marks cut = new Marks(CandidateSearches.standard(), new ReadTickingClock(SECOND_NS), 0);
        ExplorationResult r = explore(cut, budgetNs, cutLog, first);
        long overNs = cut.clock.peek() - before - budgetNs;
        assertTrue(overNs >= 0 && overNs <= slackNs(budgetNs), overNs / 1e9 + " s past the budget");
        ExplorationStatistics s = r.statistics();
        assertTrue(s.cutShort());
        assertEquals(3, cut.searches.size(), "three searches ended, the fourth was stopped");
        assertEquals(3, s.designPointsSearched());
        assertEquals(s.designPointsSearched() + s.designPointsReused(), first.points().size(),
                "the checkpoint holds the points counted, not the one stopped");
        assertEquals(wholeLog.lines.subList(0, cutLog.lines.size()), cutLog.lines,
                "the points counted are those of the whole run, with their outcomes");
        for (RankedDesign d : r.topDesigns()) {
            assertTrue(d.design() != null && d.fitness() > 0, "a simulated design");
        }

        ExplorationResumeTest.Log resumedLog = new ExplorationResumeTest.Log();
        Marks resumed = new Marks(CandidateSearches.standard(), new ReadTickingClock(SECOND_NS), 0);
        ExplorationResult again = explore(resumed, ExplorationSettings.NO_BUDGET, resumedLog, first.resumed());
        assertEquals(ExplorationResumeTest.outcome(unlimited, wholeLog),
                ExplorationResumeTest.outcome(again, resumedLog));
        assertEquals(whole.searches.size() - 3, resumed.searches.size(), "the stopped search runs again");
    }
}
