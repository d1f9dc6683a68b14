package org.pimsyn.synth.stage.duplication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.hardware.AnnealingParameters;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.network.Network;

class DuplicationAnnealerTest {
    private static final AnnealingParameters DEFAULTS = HardwareLibrary.builtIn().search().annealing();

    private static DuplicationProblem tiny(long budget) {
        return DuplicationProblem.of(TinyNetworks.threeLayers(), 8, 1, 2, budget);
    }

    @Test
    void findsAndRanksEveryStateOfATinyProblem() {
        DuplicationProblem p = tiny(32);
        // a and b share 28 crossbars: 4a + 6b <= 28 has 5 + 4 + 2 + 1 = 12 solutions, fewer than the 30 kept.
        List<DuplicationCandidate> all = new ArrayList<>();
        for (int a = 1; a <= 16; a++) {
            for (int b = 1; b <= 4; b++) {
                int[] dup = {a, b, 1};
                if (p.admits(dup)) {
                    all.add(new DuplicationCandidate(dup, p.energy(dup, DEFAULTS.alpha()), p.crossbarsUsed(dup)));
                }
            }
        }
        all.sort(DuplicationCandidate.ORDER);
        assertEquals(12, all.size());
        DuplicationOutcome.Feasible f = assertInstanceOf(DuplicationOutcome.Feasible.class,
                DuplicationAnnealer.anneal(p, DEFAULTS, 7));
        assertEquals(all, f.candidates());
    }

    @Test
    void aBudgetMetExactlyAtDuplicationOneLeavesOneCandidate() {
        DuplicationOutcome.Feasible f = assertInstanceOf(DuplicationOutcome.Feasible.class,
                DuplicationAnnealer.anneal(tiny(14), DEFAULTS, 1));
        assertEquals(1, f.candidates().size());
        assertEquals(List.of(1, 1, 1), boxed(f.best().duplications()));
        assertEquals(14, f.best().crossbars());
        assertEquals(f.start(), f.best());
    }

    @Test
    void aStateThatUsesTheWholeBudgetIsACandidate() {
        DuplicationOutcome.Feasible f = assertInstanceOf(DuplicationOutcome.Feasible.class,
                DuplicationAnnealer.anneal(tiny(32), DEFAULTS, 3));
        // 4 x 4 + 2 x 6 + 4 = 32.
        assertTrue(f.candidates().stream().anyMatch(c -> c.crossbars() == 32
                && boxed(c.duplications()).equals(List.of(4, 2, 1))));
    }

    @Test
    void weightsThatDoNotFitAtDuplicationOneAreReportedWithTheReason() {
        DuplicationOutcome.Infeasible no = assertInstanceOf(DuplicationOutcome.Infeasible.class,
                DuplicationAnnealer.anneal(tiny(13), DEFAULTS, 1));
        assertEquals(1, no.shortfallCrossbars());
        assertEquals("the weights of 'tiny' need 14 8x8 crossbars with 1-bit cells at duplication 1, but the "
                + "budget affords 13 (short by 1)", no.reason());
    }

    @Test
    void sameSeedSameCandidates() {
        Network net = TinyNetworks.randomChain(11);
        DuplicationProblem p = DuplicationProblem.of(net, 16, 2, 8, 3 * DuplicationProblem.of(net, 16, 2, 8, 0)
                .crossbarsAtDuplicationOne());
        assertEquals(DuplicationAnnealer.anneal(p, DEFAULTS, 42), DuplicationAnnealer.anneal(p, DEFAULTS, 42));
    }

    @Test
    void candidatesAreDistinctSortedAndWithinBudgetOnManyNetworks() {
        SplittableRandom r = new SplittableRandom(2024);
        int[] sizes = {8, 16, 32, 128};
        int feasible = 0;
        for (int seed = 0; seed < 300; seed++) {
            Network net = TinyNetworks.randomChain(seed);
            int xb = sizes[r.nextInt(sizes.length)];
            int cellBits = 1 << r.nextInt(3);
            int weightBits = r.nextBoolean() ? 8 : 16;
            long atOne = DuplicationProblem.of(net, xb, cellBits, weightBits, 0).crossbarsAtDuplicationOne();
            long budget = (long) (atOne * (0.8 + 3 * r.nextDouble()));
            DuplicationProblem p = DuplicationProblem.of(net, xb, cellBits, weightBits, budget);
            DuplicationOutcome outcome = DuplicationAnnealer.anneal(p, TinyNetworks.QUICK, seed);
            if (!p.fitsAtDuplicationOne()) {
                assertInstanceOf(DuplicationOutcome.Infeasible.class, outcome, net.name());
                continue;
            }
            feasible++;
            DuplicationOutcome.Feasible f = assertInstanceOf(DuplicationOutcome.Feasible.class, outcome, net.name());
            List<DuplicationCandidate> cs = f.candidates();
            assertTrue(cs.size() <= TinyNetworks.QUICK.candidatesKept());
            assertTrue(f.best().energy() <= f.start().energy(), net.name());
            assertNoUnitMoveImproves(p, f.best(), TinyNetworks.QUICK.alpha());
            for (int i = 0; i < cs.size(); i++) {
                DuplicationCandidate c = cs.get(i);
                int[] dup = c.duplications();
                assertTrue(p.admits(dup), net.name() + " " + c);
                assertEquals(p.crossbarsUsed(dup), c.crossbars());
                assertEquals(p.energy(dup, TinyNetworks.QUICK.alpha()), c.energy());
                for (int layer = 0; layer < p.layers(); layer++) {
                    if (p.fixed(layer)) {
                        assertEquals(1, dup[layer]);
                    }
                }
                if (i > 0) {
                    assertTrue(DuplicationCandidate.ORDER.compare(cs.get(i - 1), c) < 0, net.name() + " order");
                }
            }
        }
        assertTrue(feasible > 150, "most generated budgets fit: " + feasible);
    }

    @Test
    void theBestOfLargeNetworksIsALocalMinimumUnderUnitMoves() {
        for (String name : List.of("resnet18", "vgg16")) {
            Network net = org.pimsyn.synth.network.zoo.NetworkZoo.build(name);
            DuplicationOutcome.Feasible f = assertInstanceOf(DuplicationOutcome.Feasible.class,
                    WeightDuplication.filter(net, HardwareLibrary.builtIn(), 100_000, 0.4, 128, 4, 1));
            assertNoUnitMoveImproves(f.problem(), f.best(), DEFAULTS.alpha());
        }
    }

    /** No admissible state one copy up, one copy down, or both on two layers has a lower energy. */
    private static void assertNoUnitMoveImproves(DuplicationProblem p, DuplicationCandidate best, double alpha) {
        int[] dup = best.duplications();
        for (int lower = -1; lower < dup.length; lower++) {
            for (int raise = -1; raise < dup.length; raise++) {
                if (lower == raise) {
                    continue;
                }
                int[] next = dup.clone();
                if (lower >= 0) {
                    next[lower]--;
                }
                if (raise >= 0) {
                    next[raise]++;
                }
                if (p.admits(next)) {
                    assertTrue(p.energy(next, alpha) >= best.energy(), p.networkName() + ": lower " + lower
                            + ", raise " + raise + " improves " + best);
                }
            }
        }
    }

    private static List<Integer> boxed(int[] values) {
        List<Integer> out = new ArrayList<>();
        for (int v : values) {
            out.add(v);
        }
        return out;
    }

    @Test
    void theProportionalStartIsAlwaysACandidateInTheLastPlaceWhereItDoesNotRank() {
        for (String name : List.of("alexnet", "resnet18", "vgg16")) {
            Network net = org.pimsyn.synth.network.zoo.NetworkZoo.build(name);
            for (double ratio : new double[] {0.3, 0.4}) {
                DuplicationOutcome.Feasible f = assertInstanceOf(DuplicationOutcome.Feasible.class,
                        WeightDuplication.filter(net, HardwareLibrary.builtIn(), 100_000, ratio, 128, 4, 1));
                List<DuplicationCandidate> c = f.candidates();
                assertTrue(c.contains(f.start()), name + " at " + ratio);
                assertTrue(c.size() <= DEFAULTS.candidatesKept());
                for (int k = 1; k < c.size(); k++) {
                    assertTrue(DuplicationCandidate.ORDER.compare(c.get(k - 1), c.get(k)) < 0, "best first");
                }
            }
        }
    }


    @Test
    void theStartReplacesTheLastCandidateOrJoinsTheOnlyOne() {
        DuplicationCandidate a = new DuplicationCandidate(new int[] {3, 1}, 1.0, 10);
        DuplicationCandidate b = new DuplicationCandidate(new int[] {2, 2}, 2.0, 10);
        DuplicationCandidate c = new DuplicationCandidate(new int[] {1, 3}, 3.0, 10);
        DuplicationCandidate start = new DuplicationCandidate(new int[] {4, 1}, 5.0, 12);
        assertEquals(List.of(a, b, start), DuplicationAnnealer.withStart(List.of(a, b, c), start, 3),
                "the last place goes to the start");
        assertEquals(List.of(a, start), DuplicationAnnealer.withStart(List.of(a), start, 1),
                "with one kept the annealing's best stays");
        assertEquals(List.of(a, b, c), DuplicationAnnealer.withStart(List.of(a, b, c), b, 3), "ranked already");
        assertEquals(List.of(a, start), DuplicationAnnealer.withStart(List.of(a), start, 3), "room left");
    }

}
