package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.SynthesisRequest;

/**
 * The number of top designs: it cuts the list and, with pruning, raises the bar sooner, but never changes the best
 * design or the designs a longer list starts with.
 */
class ExplorationTopDesignsTest {
    private static final SynthesisRequest REQUEST = SmallCases.request();

    /** A budget and a seed of the generated cases. */
    private record Case(SynthesisRequest request, long seed) {
        String where() {
            return request.totalPowerMw() + " mW, seed " + seed;
        }
    }

    /** The small case at four budgets and two seeds each. */
    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (double powerMw : new double[] {300, 800, 1500, 3000}) {
            for (long seed = 1; seed <= 2; seed++) {
                cases.add(new Case(new SynthesisRequest(REQUEST.network(), REQUEST.library(), powerMw,
                        REQUEST.macroMode(), true, REQUEST.genes(), REQUEST.generations(), REQUEST.fitnessRun()),
                        seed));
            }
        }
        return cases;
    }

    private static ExplorationResult explore(CandidateSearch search, SynthesisRequest request, long seed,
            boolean pruning, int topDesigns) {
        return new DesignSpaceExplorer(search, new ExplorationSettings(2, pruning).withTopDesigns(topDesigns))
                .explore(request, seed, ExplorationListener.NONE);
    }

    private static ExplorationResult explore(SynthesisRequest request, long seed, boolean pruning, int topDesigns) {
        return explore(new FakeCandidateSearch(), request, seed, pruning, topDesigns);
    }

    /** What identifies top designs and their figures, without the design objects. */
    private static List<String> signature(List<RankedDesign> designs) {
        List<String> out = new ArrayList<>();
        for (RankedDesign d : designs) {
            out.add(d.order() + " " + d.point() + " candidate " + d.candidateIndex() + " fitness " + d.fitness()
                    + " " + d.design().performance());
        }
        return out;
    }

    @Test
    void oneTopDesignIsTheBestOfTheTenAndPrunesAtLeastAsMuch() {
        int prunedMore = 0;
        for (Case c : cases()) {
            ExplorationResult ten = explore(c.request(), c.seed(), true, 10);
            ExplorationResult one = explore(c.request(), c.seed(), true, 1);
            assertEquals(1, one.topDesigns().size(), c.where());
            assertEquals(signature(ten.topDesigns().subList(0, 1)), signature(one.topDesigns()), c.where());
            assertEquals(ten.best().design(), one.best().design(), c.where());
            int prunedByOne = one.statistics().designPointsPruned();
            int prunedByTen = ten.statistics().designPointsPruned();
            assertTrue(prunedByOne >= prunedByTen, c.where() + ": " + prunedByOne + " < " + prunedByTen);
            ExplorationStatistics s = one.statistics();
            assertEquals(ten.statistics().designPoints() - ten.statistics().designPointsWithoutAdc(),
                    s.designPointsSearched() + s.designPointsReused() + s.designPointsPruned(), c.where());
            prunedMore += prunedByOne > prunedByTen ? 1 : 0;
        }
        assertTrue(prunedMore > 0, "one top design prunes more somewhere");
    }

    @Test
    void threeTopDesignsAreTheFirstThreeOfTheTen() {
        for (Case c : cases()) {
            ExplorationResult ten = explore(c.request(), c.seed(), true, 10);
            ExplorationResult three = explore(c.request(), c.seed(), true, 3);
            assertEquals(Math.min(3, ten.topDesigns().size()), three.topDesigns().size(), c.where());
            assertEquals(signature(ten.topDesigns().subList(0, three.topDesigns().size())),
                    signature(three.topDesigns()), c.where());
        }
    }

    @Test
    void withOneTopDesignPruningChangesNothingButTheWork() {
        int pruned = 0;
        for (Case c : cases()) {
            FakeCandidateSearch prunedSearch = new FakeCandidateSearch();
            FakeCandidateSearch fullSearch = new FakeCandidateSearch();
            ExplorationResult withPruning = explore(prunedSearch, c.request(), c.seed(), true, 1);
            ExplorationResult without = explore(fullSearch, c.request(), c.seed(), false, 1);
            assertEquals(signature(without.topDesigns()), signature(withPruning.topDesigns()), c.where());
            assertEquals(0, without.statistics().designPointsPruned(), c.where());
            assertTrue(new HashSet<>(fullSearch.calls()).containsAll(prunedSearch.calls()),
                    "a pruned run searches nothing the full run does not; " + c.where());
            pruned += withPruning.statistics().designPointsPruned();
        }
        assertTrue(pruned > 0, "the cases exercise pruning");
    }

    /**
     * The small case at 300 mW has 19 design points with an ADC; in loop order: 0 is the one candidate of 4-bit
     * cells at RatioRram 0.05, 1-12 the six candidates of 2-bit cells at RatioRram 0.3 with ResDAC 2 (odd) and 4
     * (even), 13-18 the six of 4-bit cells at RatioRram 0.3. Here the 2-bit points with ResDAC 2 reach their bound of
     * 1000 GOPS/W; every other point is bounded by 900 and reaches 100. Batches of 2, 4, 8 and 16 visit the six
     * 1000s first (1, 3 | 5, 7, 9, 11), then the 100s in loop order. One top design sets the bar at 1000 after the
     * first batch: the second batch's bounds reach it, the 13 points left are pruned. Ten top designs take six
     * designs from the first two batches, so the third batch (0, 2, 4, ..., 12, 13) runs unpruned; they then hold the
     * six 1000s and the 100s of points 0, 2, 4 and 6, so the bar is 100 and nothing is pruned.
     */
    @Test
    void oneTopDesignPrunesWhatTenMustSearchToFillTheirList() {
        CandidateSearch twoKinds = new PointFitnessSearch(p -> high(p) ? 1000 : 100, p -> high(p) ? 1000 : 900);
        ExplorationResult ten = explore(twoKinds, REQUEST, 1, true, 10);
        ExplorationResult one = explore(twoKinds, REQUEST, 1, true, 1);
        ExplorationStatistics s = ten.statistics();
        int withAdc = s.designPoints() - s.designPointsWithoutAdc();
        assertEquals(19, withAdc);
        assertEquals(0, s.designPointsPruned());
        assertEquals(13, one.statistics().designPointsPruned());
        assertEquals(6, one.statistics().designPointsSearched());
        assertEquals(19, s.designPointsSearched());
        assertEquals(List.of(1, 3, 5, 7, 9, 11, 0, 2, 4, 6), ten.topDesigns().stream().map(RankedDesign::order)
                .toList());
        assertEquals(List.of(1000.0, 1000.0, 1000.0, 1000.0, 1000.0, 1000.0, 100.0, 100.0, 100.0, 100.0),
                ten.topDesigns().stream().map(RankedDesign::fitness).toList());
        assertEquals(signature(ten.topDesigns().subList(0, 1)), signature(one.topDesigns()));
        assertEquals(1, one.best().order(), "ties go to the first in loop order");
        assertEquals(new DesignPoint(0.3, 2, 256, 2, 11), one.best().point());
    }

    private static boolean high(DesignPoint point) {
        return point.resRramBits() == 2 && point.resDacBits() == 2;
    }
}
