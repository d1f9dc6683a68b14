package org.pimsyn.synth.explore;

import org.pimsyn.synth.Deadline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.design.SynthesisRequest;

class DesignPointEnumerationTest {
    private static final SynthesisRequest REQUEST = SmallCases.request();

    private static DesignPointEnumeration enumerate(int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            return DesignPointEnumeration.of(REQUEST, 1, pool, Deadline.NONE, ExplorationListener.NONE);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyCrossbarPointOfTheSmallCaseHasAnAdcAndOneIsInfeasible() {
        DesignPointEnumeration e = enumerate(2);
        assertEquals(4, e.crossbarPoints(), "RatioRram 0.05 and 0.3, ResRram 2 and 4, XbSize 256");
        assertEquals(0, e.crossbarPointsWithoutAdc(), "ResRram 4 has an ADC for ResDAC 2");
        assertEquals(1, e.infeasible().size());
        InfeasiblePoint no = e.infeasible().get(0);
        assertEquals(List.of(0.05, 2, 256), List.of(no.ratioRram(), no.resRramBits(), no.xbSizeRows()));
        assertFalse(no.reason().isBlank());
    }

    @Test
    void designPointsComeInLoopOrderAndOnlyResRramFourWithResDacFourLacksItsAdc() {
        DesignPointEnumeration e = enumerate(2);
        List<PlannedDesignPoint> points = e.points();
        assertEquals(19, points.size());
        for (int i = 0; i < points.size(); i++) {
            assertEquals(i, points.get(i).order());
        }
        // Each candidate at ResRram 4 has its ADC at ResDAC 2 and none at ResDAC 4.
        long cellsFour = points.stream().filter(p -> p.point().resRramBits() == 4).count();
        assertTrue(points.stream().allMatch(p -> p.point().resRramBits() != 4 || p.point().resDacBits() == 2));
        assertEquals(cellsFour, e.designPointsWithoutAdc());
        assertEquals(points.size() + cellsFour, e.designPoints());
        List<PlannedDesignPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.<PlannedDesignPoint>comparingDouble(p -> p.point().ratioRram())
                .thenComparingInt(p -> p.point().resRramBits()).thenComparingInt(p -> p.point().xbSizeRows())
                .thenComparingInt(PlannedDesignPoint::candidateIndex)
                .thenComparingInt(p -> p.point().resDacBits()));
        assertEquals(points, sorted);
    }

    @Test
    void eachPointCarriesTheSeedAndKeyOfItsSearchWhateverTheThreads() {
        DesignPointEnumeration e = enumerate(1);
        for (PlannedDesignPoint p : e.points()) {
            assertEquals(ExplorationSeeds.candidateSearch(1, p.point(), p.duplication()), p.seed());
            assertEquals(SearchKey.of(p.point(), p.duplication()), p.searchKey());
        }
        assertEquals(e, enumerate(3));
    }
}
