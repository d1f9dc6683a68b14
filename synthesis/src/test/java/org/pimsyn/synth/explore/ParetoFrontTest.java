package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pimsyn.synth.explore.PlannedPoints.ranked;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.design.DesignFigures;
import org.pimsyn.synth.objective.Direction;

class ParetoFrontTest {
    private static DesignFigures figures(double gops, double gopsPerWatt, Double mm2) {
        return new DesignFigures(gops, gopsPerWatt, 1, 2, mm2);
    }

    @Test
    void aDesignAtLeastAsGoodInEveryFigureAndBetterInOneBeatsAnother() {
        ParetoFront front = new ParetoFront(true);
        front.add(ranked(4, 10), figures(100, 10, 5.0));
        assertFalse(front.admits(9, figures(100, 10, 6.0)), "larger, as fast and efficient");
        assertFalse(front.admits(9, figures(100, 10, 5.0)), "the same figures at a later design point");
        assertTrue(front.admits(2, figures(100, 10, 5.0)), "the same figures at an earlier one");
        assertTrue(front.admits(9, figures(101, 1, 50.0)), "faster");
        assertTrue(front.admits(9, figures(1, 11, 50.0)), "more efficient");
        assertTrue(front.admits(9, figures(1, 1, 4.0)), "smaller");
        front.add(ranked(7, 20), figures(200, 20, 1.0));
        assertEquals(List.of(7), orders(front.list(Direction.HIGHER_IS_BETTER)), "the new design beats the old");
    }

    @Test
    void withoutAreasTheFrontComparesThroughputAndEfficiencyAlone() {
        ParetoFront front = new ParetoFront(false);
        front.add(ranked(1, 10), figures(100, 10, null));
        assertFalse(front.admits(2, figures(100, 10, null)));
        assertFalse(front.admits(2, figures(50, 10, 0.001)), "area does not count");
    }

    @Test
    void theFrontIsTheDesignsNothingBeatsWhateverTheOrderTheyArriveIn() {
        Random r = new Random(3);
        for (int c = 0; c < 200; c++) {
            List<RankedDesign> designs = new ArrayList<>();
            List<DesignFigures> figures = new ArrayList<>();
            int n = 1 + r.nextInt(30);
            for (int i = 0; i < n; i++) {
                designs.add(ranked(i, 1 + r.nextInt(5)));
                // Few distinct values, so that ties and equal figures are common.
                figures.add(figures(r.nextInt(6), r.nextInt(6), (double) r.nextInt(6)));
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean beaten = false;
                for (int j = 0; j < n && !beaten; j++) {
                    beaten = j != i && beats(figures.get(j), j, figures.get(i), i);
                }
                if (!beaten) {
                    expected.add(i);
                }
            }
            List<Integer> arrival = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                arrival.add(i);
            }
            Collections.shuffle(arrival, r);
            ParetoFront front = new ParetoFront(true);
            for (int i : arrival) {
                ParetoFront before = front.copy();
                front.add(designs.get(i), figures.get(i));
                // A design the front turns away is never on the final front.
                if (!before.admits(i, figures.get(i))) {
                    assertFalse(expected.contains(i), "case " + c + ": " + i + " turned away, yet unbeaten");
                }
            }
            List<ParetoDesign> listed = front.list(Direction.HIGHER_IS_BETTER);
            List<Integer> got = new ArrayList<>(orders(listed));
            Collections.sort(got);
            assertEquals(expected, got, "case " + c);
            for (int k = 1; k < listed.size(); k++) {
                assertTrue(listed.get(k - 1).ranked().fitness() >= listed.get(k).ranked().fitness(), "best first");
            }
        }
    }

    private static boolean beats(DesignFigures a, int aOrder, DesignFigures b, int bOrder) {
        boolean noWorse = a.throughputGops() >= b.throughputGops() && a.gopsPerWatt() >= b.gopsPerWatt()
                && a.areaMm2() <= b.areaMm2();
        boolean better = a.throughputGops() > b.throughputGops() || a.gopsPerWatt() > b.gopsPerWatt()
                || a.areaMm2() < b.areaMm2();
        return noWorse && (better || aOrder < bOrder);
    }

    private static List<Integer> orders(List<ParetoDesign> front) {
        return front.stream().map(d -> d.ranked().order()).toList();
    }
}
