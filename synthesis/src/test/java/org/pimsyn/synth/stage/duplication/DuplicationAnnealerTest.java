package org.pimsyn.synth.stage.duplication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
    void findsAndRanksEveryFullStateOfATinyProblem() {
        DuplicationProblem p = tiny(32);
        // a and b share 28 crossbars: 4a + 6b <= 28 has 12 solutions, of which 4 leave no room for another copy
        // (b = 1, a = 5; b = 2, a = 4; b = 3, a = 2; b = 4, a = 1): the candidates, since each state is filled.
        List<DuplicationCandidate> all = new ArrayList<>();
        for (int a = 1; a <= 16; a++) {
            for (int b = 1; b <= 4; b++) {
                int[] dup = {a, b, 1};
                if (p.admits(dup) && java.util.Arrays.equals(dup, p.filled(dup))) {
                    all.add(new DuplicationCandidate(dup, p.energy(dup, DEFAULTS.alpha()), p.crossbarsUsed(dup)));
                }
            }
        }
        all.sort(DuplicationCandidate.ORDER);
        assertEquals(4, all.size());
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
    void theProportionalStartIsAlwaysACandidate() {
        DuplicationProblem p = tiny(44);
        // With alpha 10 the access volumes lead: {5, 3, 1} (energy 0.525 + 10 x 0.443) ranks above the start
        // {7, 2, 1} (0.313 + 10 x 0.521). Keeping one candidate, the start takes the only place.
        AnnealingParameters accessFirst = new AnnealingParameters(20, 100, 1, 0.8, 10, 2, DEFAULTS.provenance());
        DuplicationOutcome.Feasible two = assertInstanceOf(DuplicationOutcome.Feasible.class,
                DuplicationAnnealer.anneal(p, accessFirst, 5));
        assertEquals(List.of(List.of(5, 3, 1), List.of(7, 2, 1)),
                two.candidates().stream().map(c -> boxed(c.duplications())).toList());
        AnnealingParameters one = new AnnealingParameters(20, 100, 1, 0.8, 10, 1, DEFAULTS.provenance());
        DuplicationOutcome.Feasible f = assertInstanceOf(DuplicationOutcome.Feasible.class,
                DuplicationAnnealer.anneal(p, one, 5));
        assertEquals(List.of(f.start()), f.candidates());
        assertEquals(List.of(7, 2, 1), boxed(f.start().duplications()));
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
            assertTrue(cs.contains(f.start()), net.name() + " keeps the proportional start");
            for (int i = 0; i < cs.size(); i++) {
                DuplicationCandidate c = cs.get(i);
                int[] dup = c.duplications();
                assertTrue(p.admits(dup), net.name() + " " + c);
                assertArrayEquals(dup, p.filled(dup), net.name() + " fills the budget: " + c);
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
    void candidatesOfLargeNetworksFillTheBudgetAndRankTheStart() {
        for (String name : List.of("resnet18", "vgg16")) {
            Network net = org.pimsyn.synth.network.zoo.NetworkZoo.build(name);
            DuplicationOutcome.Feasible f = assertInstanceOf(DuplicationOutcome.Feasible.class,
                    WeightDuplication.filter(net, HardwareLibrary.builtIn(), 100_000, 0.4, 128, 4, 1));
            DuplicationProblem p = f.problem();
            assertEquals(DEFAULTS.candidatesKept(), f.candidates().size(), name);
            assertTrue(f.candidates().contains(f.start()), name);
            assertTrue(f.best().energy() < f.start().energy(), name);
            for (DuplicationCandidate c : f.candidates()) {
                long spare = p.crossbarBudget() - c.crossbars();
                for (int i = 0; i < p.layers(); i++) {
                    assertTrue(c.duplication(i) == p.maxDuplication(i) || p.setSize(i) > spare,
                            name + ": layer " + i + " could take another copy in " + c);
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
}
