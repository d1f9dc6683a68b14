package org.pimsyn.synth.stage.allocation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PeripheralAllocatorTest {
    /** Component 0: one element per ns for 2 mW (an ADC); component 1: 8 per ns for 0.125 mW (a shift-add). */
    private static final double[] RATE = {1, 8};
    private static final double[] POWER = {2, 0.125};

    @Test
    void closedFormBalancesEveryLatencyExactly() {
        long[][] wl = {{1000, 800}, {500, 400}};
        // Wl / rate: 1000, 100, 500, 50; sum of P x Wl / rate = 2000 + 12.5 + 1000 + 6.25 = 3018.75. A budget of
        // 3018.75 / 50 = 60.375 mW gives counts 20, 2, 10, 1: every latency 50 ns, the budget spent exactly.
        ComponentAllocation a = assertInstanceOf(ComponentAllocation.class,
                PeripheralAllocator.allocate(wl, RATE, POWER, 60.375));
        assertArrayEquals(new int[][] {{20, 2}, {10, 1}}, a.counts());
        assertEquals(60.375, a.powerMw());
        assertEquals(50.0, a.maxLatencyNs());
        assertEquals(0, a.boundGroup());
        assertEquals(0, a.boundComponent());
    }

    @Test
    void aLatencyFloorBuysOnlyTheUnitsThatReachIt() {
        long[][] wl = {{1000, 800}, {500, 400}};
        // Wl / rate: 1000, 100, 500, 50 ns. A floor of 300 ns needs ceil(1000 / 300) = 4, ceil(100 / 300) = 1,
        // ceil(500 / 300) = 2 and 1 units: 8 + 0.125 + 4 + 0.125 = 12.25 mW of the 60.375 mW, which the floor
        // leaves unspent; the slowest pair takes 1000 / 4 = 250 ns.
        ComponentAllocation a = assertInstanceOf(ComponentAllocation.class,
                PeripheralAllocator.allocate(wl, RATE, POWER, 60.375, null, 300));
        assertArrayEquals(new int[][] {{4, 1}, {2, 1}}, a.counts());
        assertEquals(12.25, a.powerMw());
        assertEquals(250.0, a.maxLatencyNs());
        // A floor exactly at a pair's latency needs no extra unit for it: 1000 / 250 = 4, 500 / 250 = 2.
        ComponentAllocation exact = assertInstanceOf(ComponentAllocation.class,
                PeripheralAllocator.allocate(wl, RATE, POWER, 60.375, null, 250));
        assertArrayEquals(new int[][] {{4, 1}, {2, 1}}, exact.counts());
        // At 30 ns the floor needs 34, 4, 17 and 2 units (102.75 mW), more than the budget: the whole budget is
        // spent as without a floor (every latency 50 ns).
        ComponentAllocation over = assertInstanceOf(ComponentAllocation.class,
                PeripheralAllocator.allocate(wl, RATE, POWER, 60.375, null, 30));
        assertArrayEquals(new int[][] {{20, 2}, {10, 1}}, over.counts());
        // The minimum units still hold below the floor's need.
        ComponentAllocation least = assertInstanceOf(ComponentAllocation.class,
                PeripheralAllocator.allocate(wl, RATE, POWER, 60.375, new int[][] {{5, 3}, {1, 1}}, 300));
        assertArrayEquals(new int[][] {{5, 3}, {2, 1}}, least.counts());
        assertThrows(IllegalArgumentException.class,
                () -> PeripheralAllocator.allocate(wl, RATE, POWER, 60.375, null, -1));
    }

    @Test
    void balancedAllocationSpendsTheBudgetInProportionToWork() {
        long[][] wl = {{1000, 800}, {500, 400}};
        // Without a floor (stage 4's balanced mode, Eq. 6): sum of P x Wl / rate = 3018.75, so 100 mW buys
        // 100 / 3018.75 units per ns of work: 33.1, 3.3, 16.6 and 1.7 units, rounded down to 33, 3, 16, 1 (98.5 mW).
        // The 1.5 mW left go to the slowest pairs: (1, 1) at 50 ns gets a second unit, then (0, 1) at 33.3 ns a
        // fourth (98.75 mW); the next, (1, 0) at 31.25 ns, would need 2 mW more than the budget.
        ComponentAllocation a = assertInstanceOf(ComponentAllocation.class,
                PeripheralAllocator.allocate(wl, RATE, POWER, 100, null, 0));
        assertArrayEquals(new int[][] {{33, 4}, {16, 2}}, a.counts());
        assertEquals(98.75, a.powerMw(), 1e-12);
        assertEquals(31.25, a.maxLatencyNs(), 1e-12);
        // ADCs follow their work: group 0 has twice group 1's conversions and gets 33 against 16.
        assertTrue(a.powerMw() <= 100);
        // The floor mode at 300 ns buys 12.25 mW of it (aLatencyFloorBuysOnlyTheUnitsThatReachIt).
        ComponentAllocation floor = assertInstanceOf(ComponentAllocation.class,
                PeripheralAllocator.allocate(wl, RATE, POWER, 100, null, 300));
        assertEquals(12.25, floor.powerMw(), 1e-12);
    }

    @Test
    void leftoverPowerGoesToTheBottleneck() {
        long[][] wl = {{1000}, {300}};
        double[] rate = {1};
        double[] power = {1};
        // Ideal 5 x 1000/1300 = 3.85 and 5 x 300/1300 = 1.15 round down to 3 and 1 (4 mW): latencies 333.3 and
        // 300. The spare 1 mW buys a fourth unit for group 0 (250 ns); group 1 then bounds at 300 ns.
        ComponentAllocation a = assertInstanceOf(ComponentAllocation.class,
                PeripheralAllocator.allocate(wl, rate, power, 5));
        assertArrayEquals(new int[][] {{4}, {1}}, a.counts());
        assertEquals(5.0, a.powerMw());
        assertEquals(300.0, a.maxLatencyNs());
        assertEquals(1, a.boundGroup());
        // With 4.5 mW the half milliwatt left buys nothing.
        ComponentAllocation b = assertInstanceOf(ComponentAllocation.class,
                PeripheralAllocator.allocate(wl, rate, power, 4.5));
        assertArrayEquals(new int[][] {{3}, {1}}, b.counts());
        assertEquals(1000.0 / 3, b.maxLatencyNs());
    }

    @Test
    void tiedBottlenecksAreRaisedTogetherOrNotAtAll() {
        long[][] wl = {{100}, {100}};
        double[] rate = {1};
        double[] power = {1};
        // 3 mW: 1.5 each rounds to 1 and 1; one spare unit cannot shorten both 100 ns latencies, so it is kept.
        ComponentAllocation a = assertInstanceOf(ComponentAllocation.class,
                PeripheralAllocator.allocate(wl, rate, power, 3));
        assertArrayEquals(new int[][] {{1}, {1}}, a.counts());
        assertEquals(2.0, a.powerMw());
        ComponentAllocation b = assertInstanceOf(ComponentAllocation.class,
                PeripheralAllocator.allocate(wl, rate, power, 4));
        assertArrayEquals(new int[][] {{2}, {2}}, b.counts());
    }

    @Test
    void tiedBottlenecksShareTheLeftover() {
        // Component 0: 1 per ns, 1 mW; component 1: 1 per ns, 10 mW. Work 19 and 109 in group 0, 19 in group 1.
        // Demand 19 + 1090 + 19 = 1128; at 112.8 mW the ideal counts are 1.9, 10.9 and 1.9, rounded to 1, 10, 1
        // (102 mW): latencies 19, 10.9, 19. The 10.8 mW left raise both 19 ns pairs at once to 2 units (9.5 ns);
        // the 8.8 mW then left cannot pay an eleventh 10 mW unit, so 10.9 ns bounds.
        long[][] wl = {{19, 109}, {19, 0}};
        ComponentAllocation a = assertInstanceOf(ComponentAllocation.class,
                PeripheralAllocator.allocate(wl, new double[] {1, 1}, new double[] {1, 10}, 112.8));
        assertArrayEquals(new int[][] {{2, 10}, {2, 0}}, a.counts());
        assertEquals(104.0, a.powerMw());
        assertEquals(10.9, a.maxLatencyNs());
        assertEquals(0, a.boundGroup());
        assertEquals(1, a.boundComponent());
    }

    @Test
    void raisingSmallPairsToOneUnitIsPaidForByTheOthers() {
        long[][] wl = {{1000}, {1}};
        double[] rate = {1};
        double[] power = {1};
        // Ideal 2.4975 and 0.0025 round to 2 and, at least, 1: 3 mW over a 2.5 mW budget. Group 0 gives a unit
        // back (its latency grows to 1000 ns, the only choice), and the 0.5 mW left buys nothing.
        ComponentAllocation a = assertInstanceOf(ComponentAllocation.class,
                PeripheralAllocator.allocate(wl, rate, power, 2.5));
        assertArrayEquals(new int[][] {{1}, {1}}, a.counts());
        assertEquals(1000.0, a.maxLatencyNs());
    }

    @Test
    void callerMinimumsAreKept() {
        long[][] wl = {{1000, 10}, {0, 0}};
        int[][] minimum = {{1, 3}, {5, 5}};
        ComponentAllocation a = assertInstanceOf(ComponentAllocation.class,
                PeripheralAllocator.allocate(wl, RATE, POWER, 20, minimum));
        assertEquals(3, a.count(0, 1));
        // Groups without work get nothing, whatever the minimum says.
        assertArrayEquals(new int[] {0, 0}, a.counts()[1]);
        // 20 mW - 3 x 0.125 leaves room for 9 ADCs: 111.1 ns.
        assertEquals(9, a.count(0, 0));
        assertEquals(1000.0 / 9, a.maxLatencyNs());
    }

    @Test
    void noWorkNeedsNoUnits() {
        ComponentAllocation a = assertInstanceOf(ComponentAllocation.class,
                PeripheralAllocator.allocate(new long[][] {{0, 0}}, RATE, POWER, 0));
        assertArrayEquals(new int[][] {{0, 0}}, a.counts());
        assertEquals(0.0, a.maxLatencyNs());
        assertEquals(-1, a.boundGroup());
        assertEquals(-1, a.boundComponent());
    }

    @Test
    void aBudgetBelowOneUnitPerUsedPairIsAShortfall() {
        long[][] wl = {{10, 10}, {0, 10}};
        // The least allocation: one ADC and two shift-adds, 2.25 mW.
        AllocationShortfall s = assertInstanceOf(AllocationShortfall.class,
                PeripheralAllocator.allocate(wl, RATE, POWER, 2));
        assertEquals(2.25, s.minimumPowerMw());
        assertEquals(0.25, s.shortfallMw());
        assertEquals("the peripherals need at least 2.2500 mW (the least units every group's work requires) but "
                + "2.0000 mW is left for them; short by 0.2500 mW", s.message());
        assertInstanceOf(AllocationShortfall.class, PeripheralAllocator.allocate(wl, RATE, POWER, -5));
        assertInstanceOf(ComponentAllocation.class, PeripheralAllocator.allocate(wl, RATE, POWER, 2.25));
    }

    @Test
    void rejectsMalformedInput() {
        assertThrows(IllegalArgumentException.class,
                () -> PeripheralAllocator.allocate(new long[][] {{1}}, RATE, POWER, 10));
        assertThrows(IllegalArgumentException.class,
                () -> PeripheralAllocator.allocate(new long[][] {{1, -1}}, RATE, POWER, 10));
        assertThrows(IllegalArgumentException.class,
                () -> PeripheralAllocator.allocate(new long[][] {{1, 1}}, new double[] {1, 0}, POWER, 10));
        assertThrows(IllegalArgumentException.class,
                () -> PeripheralAllocator.allocate(new long[][] {{1, 1}}, RATE, new double[] {1}, 10));
        assertThrows(IllegalArgumentException.class,
                () -> PeripheralAllocator.allocate(new long[][] {{1, 1}}, RATE, POWER, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> PeripheralAllocator.allocate(new long[][] {{1, 1}}, RATE, POWER, 10, new int[][] {{1}}));
    }

    @Test
    void roundingAndTopUpStayWithinBudgetAndNeverLengthenTheLargestLatency() {
        SplittableRandom r = new SplittableRandom(99);
        int feasible = 0;
        for (int trial = 0; trial < 2000; trial++) {
            int groups = 1 + r.nextInt(10);
            int kinds = 1 + r.nextInt(7);
            long[][] wl = new long[groups][kinds];
            int[][] minimum = r.nextBoolean() ? new int[groups][kinds] : null;
            double[] rate = new double[kinds];
            double[] power = new double[kinds];
            for (int c = 0; c < kinds; c++) {
                rate[c] = 0.01 + 10 * r.nextDouble();
                power[c] = 0.05 + 5 * r.nextDouble();
            }
            double leastMw = 0;
            for (int g = 0; g < groups; g++) {
                for (int c = 0; c < kinds; c++) {
                    wl[g][c] = r.nextInt(3) == 0 ? 0 : 1 + r.nextLong(1_000_000);
                    if (minimum != null) {
                        minimum[g][c] = r.nextInt(4);
                    }
                    if (wl[g][c] > 0) {
                        leastMw += power[c] * (minimum == null ? 1 : Math.max(1, minimum[g][c]));
                    }
                }
            }
            double budget = leastMw * (0.5 + 20 * r.nextDouble());
            AllocationResult result = PeripheralAllocator.allocate(wl, rate, power, budget, minimum);
            if (leastMw > budget * (1 + PeripheralAllocator.RELATIVE_SLACK)) {
                AllocationShortfall s = assertInstanceOf(AllocationShortfall.class, result);
                assertEquals(leastMw, s.minimumPowerMw(), 1e-9 * leastMw);
                continue;
            }
            feasible++;
            ComponentAllocation a = assertInstanceOf(ComponentAllocation.class, result);
            double slack = budget * 1e-9;
            assertTrue(a.powerMw() <= budget + slack, "trial " + trial + ": " + a.powerMw() + " > " + budget);
            double demand = 0;
            double max = 0;
            double spentMw = 0;
            for (int g = 0; g < groups; g++) {
                for (int c = 0; c < kinds; c++) {
                    int n = a.count(g, c);
                    spentMw += n * power[c];
                    if (wl[g][c] == 0) {
                        assertEquals(0, n);
                    } else {
                        assertTrue(n >= (minimum == null ? 1 : Math.max(1, minimum[g][c])));
                        demand += power[c] * wl[g][c] / rate[c];
                        max = Math.max(max, (double) wl[g][c] / rate[c] / n);
                    }
                }
            }
            assertEquals(spentMw, a.powerMw(), 1e-9 * spentMw);
            assertEquals(max, a.maxLatencyNs());
            if (demand == 0) {
                assertEquals(-1, a.boundGroup());
                continue;
            }
            // No allocation within the budget beats Eq. 6's continuous optimum, demand / budget.
            assertTrue(a.maxLatencyNs() >= demand / budget * (1 - 1e-9), "trial " + trial);
            // The top-up stopped because the pairs at the largest latency cost more together than is left.
            double tiedMw = 0;
            for (int g = 0; g < groups; g++) {
                for (int c = 0; c < kinds; c++) {
                    if (wl[g][c] > 0 && (double) wl[g][c] / rate[c] / a.count(g, c) == a.maxLatencyNs()) {
                        tiedMw += power[c];
                    }
                }
            }
            assertTrue(a.powerMw() + tiedMw > budget + slack, "trial " + trial + ": top-up stopped early");
            assertTopUpNeverLengthens(wl, rate, power, budget, minimum, a);
        }
        assertTrue(feasible > 1000, "most random budgets are feasible: " + feasible);
    }

    /** Replays rounding and trimming, then checks that the top-up's largest latency is no larger. */
    private static void assertTopUpNeverLengthens(long[][] wl, double[] rate, double[] power, double budget,
                                                  int[][] minimum, ComponentAllocation after) {
        int kinds = rate.length;
        int n = wl.length * kinds;
        double[] time = new double[n];
        int[] least = new int[n];
        double demand = 0;
        for (int i = 0; i < n; i++) {
            long w = wl[i / kinds][i % kinds];
            if (w > 0) {
                time[i] = w / rate[i % kinds];
                least[i] = minimum == null ? 1 : Math.max(1, minimum[i / kinds][i % kinds]);
                demand += power[i % kinds] * time[i];
            }
        }
        int[] count = new int[n];
        PeripheralAllocator.roundDown(time, least, budget / demand, count);
        double ceiling = budget * (1 + PeripheralAllocator.RELATIVE_SLACK);
        PeripheralAllocator.trimToBudget(time, least, power, ceiling, count, PeripheralAllocator.powerMw(count, power));
        int bound = PeripheralAllocator.boundPair(count, time);
        double before = time[bound] / count[bound];
        assertTrue(after.maxLatencyNs() <= before, after.maxLatencyNs() + " > " + before);
        for (int i = 0; i < n; i++) {
            assertTrue(after.count(i / kinds, i % kinds) >= count[i], "the top-up only adds units");
        }
    }
}
