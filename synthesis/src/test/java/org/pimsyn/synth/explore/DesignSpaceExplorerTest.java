package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.NoFeasibleDesignException;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.stage.duplication.CrossbarBudget;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;
import org.pimsyn.synth.stage.duplication.DuplicationMode;
import org.pimsyn.synth.stage.duplication.DuplicationProblem;
import org.pimsyn.synth.stage.duplication.DuplicationOutcome;
import org.pimsyn.synth.stage.duplication.WeightDuplication;

class DesignSpaceExplorerTest {
    private static final SynthesisRequest REQUEST = SmallCases.request();

    private static ExplorationResult explore(CandidateSearch search, SynthesisRequest request, long seed, int threads,
            boolean pruning) {
        // Ten top designs: more of them to rank, and a pruning bar that rises later.
        return new DesignSpaceExplorer(search, new ExplorationSettings(threads, pruning).withTopDesigns(10))
                .explore(request, seed, ExplorationListener.NONE);
    }

    private static SynthesisRequest atPower(double powerMw) {
        return new SynthesisRequest(REQUEST.network(), REQUEST.library(), powerMw, REQUEST.macroMode(), true,
                REQUEST.genes(), REQUEST.generations(), REQUEST.fitnessRun());
    }

    /** What identifies a top design and its figures, without the design objects. */
    private static List<String> signature(ExplorationResult r) {
        List<String> out = new ArrayList<>();
        for (RankedDesign d : r.topDesigns()) {
            out.add(d.order() + " " + d.point() + " candidate " + d.candidateIndex() + " fitness " + d.fitness()
                    + " " + d.design().performance());
        }
        return out;
    }

    @Test
    void oneThreadAndFourGiveTheSameDesignsStatisticsAndSeeds() {
        for (long seed : new long[] {1, 2, 99}) {
            FakeCandidateSearch one = new FakeCandidateSearch();
            FakeCandidateSearch four = new FakeCandidateSearch();
            ExplorationResult a = explore(one, REQUEST, seed, 1, true);
            ExplorationResult b = explore(four, REQUEST, seed, 4, true);
            assertEquals(signature(a), signature(b), "seed " + seed);
            assertEquals(a.statistics(), b.statistics(), "seed " + seed);
            assertEquals(a.noDesignReasons(), b.noDesignReasons(), "seed " + seed);
            assertEquals(new HashSet<>(one.calls()), new HashSet<>(four.calls()), "seed " + seed);
        }
    }

    @Test
    void pruningNeverChangesTheBestOrTheTopDesigns() {
        int prunedSomewhere = 0;
        for (double powerMw : new double[] {300, 800, 1500, 3000}) {
            for (long seed = 1; seed <= 3; seed++) {
                SynthesisRequest request = atPower(powerMw);
                ExplorationResult pruned = explore(new FakeCandidateSearch(), request, seed, 2, true);
                ExplorationResult full = explore(new FakeCandidateSearch(), request, seed, 2, false);
                String where = powerMw + " mW, seed " + seed;
                assertEquals(signature(full), signature(pruned), where);
                assertEquals(0, full.statistics().designPointsPruned(), where);
                ExplorationStatistics s = pruned.statistics();
                assertEquals(full.statistics().designPointsSearched() + full.statistics().designPointsReused(),
                        s.designPointsSearched() + s.designPointsReused() + s.designPointsPruned(), where);
                prunedSomewhere += s.designPointsPruned();
            }
        }
        assertTrue(prunedSomewhere > 0, "the cases exercise pruning");
    }

    @Test
    void designPointsAddUpAndInfeasiblePointsCarryTheirReason() {
        ExplorationResult r = explore(new FakeCandidateSearch(), REQUEST, 1, 2, true);
        ExplorationStatistics s = r.statistics();
        assertEquals(4, s.crossbarPoints());
        assertEquals(0, s.crossbarPointsWithoutAdc());
        // At 300 mW the 5 % share buys twelve 256x256 crossbars of 2-bit cells; the weights need 24.
        assertEquals(1, s.crossbarPointsInfeasible());
        InfeasiblePoint no = r.infeasiblePoints().get(0);
        assertEquals(new InfeasiblePoint(0.05, 2, 256, "the weights of 'small' need 24 256x256 crossbars with "
                + "2-bit cells at duplication 1, but the budget affords 12 (short by 12)"), no);
        assertEquals(s.designPoints(), s.designPointsWithoutAdc() + s.designPointsPruned() + s.designPointsSearched());
        assertTrue(s.designPointsFound() <= s.designPointsSearched());
        assertTrue(s.designPointsWithoutAdc() > 0, "ResRram 4 with ResDAC 4 needs a 15-bit ADC");
        int noDesign = r.noDesignReasons().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(s.designPointsSearched() - s.designPointsFound(), noDesign);
    }

    @Test
    void everyDesignPointWithoutAnAdcIsCountedAndNeverSearched() {
        FakeCandidateSearch fake = new FakeCandidateSearch();
        ExplorationResult r = explore(fake, REQUEST, 1, 2, false);
        int expectedWithoutAdc = 0;
        int expectedTotal = 0;
        for (double ratio : List.of(0.05, 0.3)) {
            for (int cellBits : List.of(2, 4)) {
                DuplicationOutcome outcome = WeightDuplication.filter(REQUEST.network(), REQUEST.library(),
                        REQUEST.totalPowerMw(), ratio, 256, cellBits,
                        ExplorationSeeds.duplicationFilter(1, ratio, cellBits, 256));
                if (outcome instanceof DuplicationOutcome.Feasible f) {
                    expectedTotal += 2 * f.candidates().size();
                    expectedWithoutAdc += cellBits == 4 ? f.candidates().size() : 0;
                }
            }
        }
        assertEquals(expectedTotal, r.statistics().designPoints());
        assertEquals(expectedWithoutAdc, r.statistics().designPointsWithoutAdc());
        assertEquals(expectedTotal - expectedWithoutAdc, fake.calls().size());
        assertTrue(fake.calls().stream().noneMatch(c -> c.point().resRramBits() == 4 && c.point().resDacBits() == 4));
    }

    @Test
    void seedsFollowFromTheRunSeedAndTheDesignPointAlone() {
        FakeCandidateSearch fake = new FakeCandidateSearch();
        explore(fake, REQUEST, 42, 3, false);
        for (FakeCandidateSearch.Call call : fake.calls()) {
            DesignPoint p = call.point();
            DuplicationOutcome.Feasible f = (DuplicationOutcome.Feasible) WeightDuplication.filter(REQUEST.network(),
                    REQUEST.library(), REQUEST.totalPowerMw(), p.ratioRram(), p.xbSizeRows(), p.resRramBits(),
                    ExplorationSeeds.duplicationFilter(42, p.ratioRram(), p.resRramBits(), p.xbSizeRows()));
            int index = -1;
            for (int c = 0; c < f.candidates().size(); c++) {
                int[] dups = f.candidates().get(c).duplications();
                if (java.util.Arrays.stream(dups).boxed().toList().equals(call.duplications())) {
                    index = c;
                }
            }
            assertTrue(index >= 0, "the candidate comes from stage 1 at its point");
            assertEquals(ExplorationSeeds.candidateSearch(42, p, f.candidates().get(index)), call.seed());
        }
    }

    @Test
    void proportionalDuplicationSearchesTheProportionalStartAloneAtEveryPoint() {
        SynthesisRequest request = REQUEST.withDuplication(DuplicationMode.PROPORTIONAL);
        FakeCandidateSearch fake = new FakeCandidateSearch();
        ExplorationResult r = explore(fake, request, 1, 2, false);
        // Three crossbar points hold the weights, each with one candidate and two ResDAC values; ResRram 4 (at both
        // RatioRram) with ResDAC 4 has no ADC.
        assertEquals(6, r.statistics().designPoints());
        assertEquals(2, r.statistics().designPointsWithoutAdc());
        assertTrue(r.topDesigns().stream().allMatch(d -> d.candidateIndex() == 0 && d.candidates() == 1));
        assertTrue(fake.calls().size() >= 3);
        for (FakeCandidateSearch.Call call : fake.calls()) {
            DesignPoint p = call.point();
            DuplicationProblem problem = WeightDuplication.problem(request.network(), request.library(),
                    p.xbSizeRows(), p.resRramBits(), CrossbarBudget.of(request.library(), request.totalPowerMw(),
                            p.ratioRram(), p.xbSizeRows(), p.resRramBits()).crossbars());
            assertEquals(java.util.Arrays.stream(problem.proportionalStart()).boxed().toList(), call.duplications(),
                    p.toString());
        }
        // The run seed plays no part in the heuristic: another gives the same candidates.
        FakeCandidateSearch other = new FakeCandidateSearch();
        explore(other, request, 7, 1, false);
        assertEquals(new HashSet<>(fake.calls().stream().map(c -> c.point() + " " + c.duplications()).toList()),
                new HashSet<>(other.calls().stream().map(c -> c.point() + " " + c.duplications()).toList()));
    }

    @Test
    void designPointsDifferingOnlyInRatioRramShareOneSearch() {
        int reusedSomewhere = 0;
        // Candidates fill the crossbar budget, so they repeat across RatioRram only where even its smallest value
        // holds every layer at its output positions, as at 300 W.
        for (double powerMw : new double[] {300, 3000, 300_000}) {
            SynthesisRequest request = atPower(powerMw);
            FakeCandidateSearch fake = new FakeCandidateSearch();
            List<SearchedDesignPoint> visited = new ArrayList<>();
            ExplorationResult r = new DesignSpaceExplorer(fake, new ExplorationSettings(2, false))
                    .explore(request, 3, new ExplorationListener() {
                        @Override
                        public void searched(SearchedDesignPoint point) {
                            visited.add(point);
                        }
                    });
            Set<String> keys = new HashSet<>();
            for (FakeCandidateSearch.Call c : fake.calls()) {
                assertTrue(keys.add(c.point().resRramBits() + " " + c.point().xbSizeRows() + " "
                        + c.point().resDacBits() + " " + c.duplications()), "searched twice: " + c);
            }
            ExplorationStatistics st = r.statistics();
            reusedSomewhere += st.designPointsReused();
            assertEquals(fake.calls().size(), st.designPointsSearched());
            assertEquals(st.designPoints() - st.designPointsWithoutAdc(), st.designPointsSearched()
                    + st.designPointsReused());
            assertEquals(st.designPointsSearched() + st.designPointsReused(), visited.size());
            assertEquals(st.designPointsReused(), visited.stream().filter(SearchedDesignPoint::sharedSearch).count());
            FakeCandidateSearch again = new FakeCandidateSearch();
            for (SearchedDesignPoint v : visited) {
                CandidateOutcome o = v.outcome();
                CandidateOutcome direct = again.search(request, o.point(), o.duplication(),
                        ExplorationSeeds.candidateSearch(3, o.point(), o.duplication()));
                assertEquals(direct.fitness(), o.fitness(), o.point().toString());
                assertEquals(direct.found(), o.found());
                if (o.found()) {
                    assertEquals(o.point(), o.best().point(), "a shared outcome names its own design point");
                    assertEquals(direct.best().performance(), o.best().performance());
                }
            }
        }
        assertTrue(reusedSomewhere > 0, "some budget repeats candidates across RatioRram");
    }

    @Test
    void topDesignsAreTheTenFittestBestFirst() {
        List<Double> all = new ArrayList<>();
        ExplorationResult r = new DesignSpaceExplorer(new FakeCandidateSearch(),
                new ExplorationSettings(2, false).withTopDesigns(10)).explore(REQUEST, 5, new ExplorationListener() {
                    @Override
                    public void searched(SearchedDesignPoint point) {
                        if (point.outcome().found()) {
                            all.add(point.outcome().fitness());
                        }
                    }
                });
        all.sort(Comparator.reverseOrder());
        List<Double> top = r.topDesigns().stream().map(RankedDesign::fitness).toList();
        assertEquals(all.subList(0, 10), top);
        assertSame(r.topDesigns().get(0), r.best());
    }

    /** Counts its searches; bound 0 (proved infeasible) at ResDAC 2, 1000 at ResDAC 4. */
    private static final class ZeroBoundSearch implements CandidateSearch {
        private final PointFitnessSearch inner = new PointFitnessSearch(p -> 300 + p.resDacBits(),
                p -> p.resDacBits() == 2 ? 0 : 1000);
        private final Set<DesignPoint> searched = ConcurrentHashMap.newKeySet();
        private final boolean anyFeasible;

        ZeroBoundSearch(boolean anyFeasible) {
            this.anyFeasible = anyFeasible;
        }

        @Override
        public CandidateOutcome search(SynthesisRequest request, DesignPoint point, DuplicationCandidate dup,
                long seed) {
            searched.add(point);
            // Admissible: where the bound is 0, no design.
            return point.resDacBits() == 2 || !anyFeasible
                    ? new CandidateOutcome(point, dup, null, 0, new double[] {0}, 1, "too hot")
                    : inner.search(request, point, dup, seed);
        }

        @Override
        public double fitnessUpperBound(SynthesisRequest request, DesignPoint point, DuplicationCandidate dup) {
            return anyFeasible ? inner.fitnessUpperBound(request, point, dup) : 0;
        }

        @Override
        public String infeasibility(SynthesisRequest request, DesignPoint point, DuplicationCandidate dup) {
            return "too hot at ResDAC " + point.resDacBits();
        }
    }

    @Test
    void aDesignPointWhoseBoundIsZeroIsNeverSearchedEvenBeforeAnyDesignSetsABar() {
        ZeroBoundSearch search = new ZeroBoundSearch(true);
        ExplorationResult r = explore(search, REQUEST, 1, 2, true);
        assertTrue(search.searched.stream().noneMatch(p -> p.resDacBits() == 2), search.searched.toString());
        assertTrue(search.searched.stream().anyMatch(p -> p.resDacBits() == 4));
        assertTrue(r.statistics().designPointsPruned() > 0);
        // Without pruning every point is searched, and the designs are the same.
        ZeroBoundSearch all = new ZeroBoundSearch(true);
        ExplorationResult unpruned = explore(all, REQUEST, 1, 2, false);
        assertTrue(all.searched.stream().anyMatch(p -> p.resDacBits() == 2));
        assertEquals(r.topDesigns().stream().map(RankedDesign::order).toList(),
                unpruned.topDesigns().stream().map(RankedDesign::order).toList());
    }

    @Test
    void whenEveryBoundIsZeroNothingIsSearchedAndTheMessageGivesTheBoundsReasons() {
        ZeroBoundSearch search = new ZeroBoundSearch(false);
        NoFeasibleDesignException e = assertThrows(NoFeasibleDesignException.class,
                () -> explore(search, REQUEST, 1, 2, true));
        assertTrue(search.searched.isEmpty(), search.searched.toString());
        assertTrue(e.getMessage().matches("no design fits under [0-9.]+ W: the bounds of all [0-9,]+ design points "
                + "prove that none can yield a design within the budget; most frequent reasons: too hot at ResDAC "
                + "[24] \\([0-9,]+ design points\\); too hot at ResDAC [24] \\([0-9,]+ design points\\)"), e.getMessage());
    }

    @Test
    void fitnessTiesGoToTheEarlierDesignPointInLoopOrder() {
        CandidateSearch flat = new PointFitnessSearch(p -> 500, p -> 500);
        ExplorationResult r = explore(flat, REQUEST, 1, 2, true);
        List<Integer> orders = r.topDesigns().stream().map(RankedDesign::order).toList();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), orders);
        assertEquals(0, r.statistics().designPointsPruned(), "a bound equal to the 10th fitness may still tie");
        // Loop order: RatioRram 0.05 first; its 2-bit point is infeasible, so the first design point is 4-bit, ResDAC 2.
        assertEquals(new DesignPoint(0.05, 4, 256, 2, 13), r.best().point());
        assertEquals(0, r.best().candidateIndex());
    }

    @Test
    void listenerCountsEveryDesignPointWithAnAdcOnce() {
        AtomicInteger total = new AtomicInteger();
        AtomicInteger searched = new AtomicInteger();
        AtomicInteger pruned = new AtomicInteger();
        List<Double> bests = new ArrayList<>();
        ExplorationListener listener = new ExplorationListener() {
            @Override
            public void started(int designPoints) {
                total.set(designPoints);
            }

            @Override
            public void searched() {
                searched.incrementAndGet();
            }

            @Override
            public void pruned(int designPoints) {
                pruned.addAndGet(designPoints);
            }

            @Override
            public void bestFitness(double gopsPerWatt) {
                bests.add(gopsPerWatt);
            }
        };
        ExplorationResult r = new DesignSpaceExplorer(new FakeCandidateSearch(), new ExplorationSettings(2, true))
                .explore(atPower(1500), 1, listener);
        ExplorationStatistics s = r.statistics();
        assertEquals(s.designPoints() - s.designPointsWithoutAdc(), total.get());
        assertEquals(s.designPointsSearched() + s.designPointsReused(), searched.get());
        assertEquals(s.designPointsPruned(), pruned.get());
        assertEquals(r.best().fitness(), bests.get(bests.size() - 1));
        for (int i = 1; i < bests.size(); i++) {
            assertTrue(bests.get(i) > bests.get(i - 1));
        }
    }

    @Test
    void noCrossbarPointHoldingTheWeightsNamesTheLeastPowerThatDoes() {
        NoFeasibleDesignException e = assertThrows(NoFeasibleDesignException.class,
                () -> explore(new FakeCandidateSearch(), atPower(20), 1, 2, true));
        assertEquals(WeightDuplication.minimumTotalPowerMw(REQUEST.network(), REQUEST.library()).noFitMessage(20),
                e.getMessage());
        assertTrue(e.getMessage().startsWith("no design fits under 0.02 W; the crossbars alone need at least "),
                e.getMessage());
    }

    @Test
    void designPointsThatAllYieldNothingSummarizeTheirReasons() {
        FakeCandidateSearch fake = new FakeCandidateSearch(1.0);
        NoFeasibleDesignException e = assertThrows(NoFeasibleDesignException.class,
                () -> explore(fake, REQUEST, 1, 2, true));
        String m = e.getMessage();
        assertTrue(m.startsWith("no design fits under 0.3 W: " + fake.calls().size()
                + " design points searched, none yielded a design within the budget; most frequent reasons: "
                + "the peripherals do not fit (fake class "), m);
        assertEquals(1, m.lines().count());
        Set<String> classes = new HashSet<>();
        for (String c : new String[] {"0", "1", "2"}) {
            if (m.contains("(fake class " + c + ") (")) {
                classes.add(c);
            }
        }
        assertEquals(3, classes.size(), m);
    }

    @Test
    void aFailingSearchFailsTheExplorationWithItsOwnException() {
        CandidateSearch failing = new CandidateSearch() {
            @Override
            public CandidateOutcome search(SynthesisRequest request, DesignPoint point, DuplicationCandidate dup,
                    long seed) {
                throw new IllegalStateException("stage 3 broke at " + point.resDacBits());
            }

            @Override
            public double fitnessUpperBound(SynthesisRequest request, DesignPoint point, DuplicationCandidate dup) {
                return 1;
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> explore(failing, REQUEST, 1, 2, true));
        assertTrue(e.getMessage().startsWith("stage 3 broke at "), e.getMessage());
    }

    private static DuplicationCandidate candidate(List<Integer> dups) {
        return new DuplicationCandidate(dups.stream().mapToInt(Integer::intValue).toArray(), 0, 0);
    }
}
