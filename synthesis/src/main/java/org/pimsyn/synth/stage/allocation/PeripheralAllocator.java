package org.pimsyn.synth.stage.allocation;

/**
 * Synthesis stage 4: peripheral units per layer group (the paper's Eq. 5-6). Groups are layers, or layers that
 * share macros; components are whatever the caller indexes (ADC and the ALU kinds, see {@link PeripheralUnits}).
 *
 * <p>Eq. 5 asks for counts that minimise the largest latency Wl[g][c] / (rate[c] x count[g][c]) under the power
 * limit sum P[c] x count[g][c] <= budget. Its continuous optimum (Eq. 6) gives every pair the same latency:
 * count = budget x (Wl / rate) / sum_{g',c'} P[c'] x Wl[g'][c'] / rate[c']. The integer allocation
 * <ol>
 * <li>rounds that down, keeping at least the least units each pair with work needs (1, or the caller's
 * minimum, such as the number of macros doing that work);</li>
 * <li>if raising small pairs to that least count overshoots the budget, takes units back one at a time from the
 * pair whose latency grows least (the lowest index on ties) until it fits;</li>
 * <li>spends what is left on the pairs that set the largest latency: all pairs at that latency get one more unit
 * together, for as long as the budget pays for all of them, since raising only some of them would not
 * shorten the largest latency.</li>
 * </ol>
 * Eq. 5 asks for the shortest largest latency, but a design's interval is never shorter than its slowest crossbars'
 * busy time, so peripheral latencies below that floor buy nothing but leakage. Given a latency floor, each pair gets
 * just the units that reach it, {@code max(least, ceil(time / floor))}, when the budget pays for all of them; only
 * when it does not is the whole budget spent as above, and every latency then stays above the floor anyway.
 * Power comparisons allow a relative slack of 1e-9, so that decimal sums such as 0.1 + 0.2 do not count as over
 * a budget of 0.3. The work is on flat primitive arrays with a binary heap; the only objects made are the
 * result's.
 */
public final class PeripheralAllocator {
    static final double RELATIVE_SLACK = 1e-9;

    private PeripheralAllocator() {
    }

    /**
     * Allocates at least one unit to every pair with work.
     *
     * @param workload      elements per image, [group][component]; 0 where a group does not use a component
     * @param unitRatePerNs elements one unit processes per ns, per component
     * @param unitPowerMw   peak power of one unit, per component
     * @param budgetMw      power left for these units
     */
    public static AllocationResult allocate(long[][] workload, double[] unitRatePerNs, double[] unitPowerMw,
                                            double budgetMw) {
        return allocate(workload, unitRatePerNs, unitPowerMw, budgetMw, null);
    }

    /**
     * As {@link #allocate(long[][], double[], double[], double)}, with the least count of each pair with work
     * given by {@code minimumUnits[group][component]} (raised to 1; ignored where there is no work), or 1 each
     * where {@code minimumUnits} is null.
     */
    public static AllocationResult allocate(long[][] workload, double[] unitRatePerNs, double[] unitPowerMw,
                                            double budgetMw, int[][] minimumUnits) {
        return allocate(workload, unitRatePerNs, unitPowerMw, budgetMw, minimumUnits, 0);
    }

    /**
     * As {@link #allocate(long[][], double[], double[], double, int[][])}, with no pair given more units than it
     * needs to reach {@code latencyFloorNs} where the budget pays for every pair reaching it (0: no floor).
     */
    public static AllocationResult allocate(long[][] workload, double[] unitRatePerNs, double[] unitPowerMw,
                                            double budgetMw, int[][] minimumUnits, double latencyFloorNs) {
        if (!(latencyFloorNs >= 0) || Double.isInfinite(latencyFloorNs)) {
            throw new IllegalArgumentException("latency floor must be a finite number >= 0 ns, got "
                    + latencyFloorNs);
        }
        int kinds = unitRatePerNs.length;
        int groups = workload.length;
        validate(workload, unitRatePerNs, unitPowerMw, budgetMw, minimumUnits);
        int n = groups * kinds;
        double[] timeNs = new double[n];
        int[] least = new int[n];
        double leastPowerMw = 0;
        double demand = 0;
        for (int g = 0; g < groups; g++) {
            for (int c = 0; c < kinds; c++) {
                long wl = workload[g][c];
                if (wl > 0) {
                    int i = g * kinds + c;
                    timeNs[i] = wl / unitRatePerNs[c];
                    least[i] = minimumUnits == null ? 1 : Math.max(1, minimumUnits[g][c]);
                    leastPowerMw += unitPowerMw[c] * least[i];
                    demand += unitPowerMw[c] * timeNs[i];
                }
            }
        }
        double ceilingMw = budgetMw * (1 + RELATIVE_SLACK);
        if (leastPowerMw > ceilingMw) {
            return new AllocationShortfall(leastPowerMw, budgetMw);
        }
        int[] count = new int[n];
        if (demand > 0) {
            if (latencyFloorNs > 0 && reachFloor(timeNs, least, unitPowerMw, latencyFloorNs, count) <= ceilingMw) {
                return result(count, timeNs, unitPowerMw, groups, kinds);
            }
            // Counts the floor left behind are all overwritten: roundDown sets every pair with work.
            roundDown(timeNs, least, budgetMw / demand, count);
            double powerMw = powerMw(count, unitPowerMw);
            powerMw = trimToBudget(timeNs, least, unitPowerMw, ceilingMw, count, powerMw);
            topUp(timeNs, unitPowerMw, ceilingMw, count, powerMw);
        }
        return result(count, timeNs, unitPowerMw, groups, kinds);
    }

    /** The counts that bring every pair to the floor, {@code max(least, ceil(time / floor))}; returns their power. */
    static double reachFloor(double[] timeNs, int[] least, double[] unitPowerMw, double floorNs, int[] count) {
        int kinds = unitPowerMw.length;
        double powerMw = 0;
        for (int i = 0; i < timeNs.length; i++) {
            if (timeNs[i] > 0) {
                double needed = Math.ceil(timeNs[i] / floorNs * (1 - RELATIVE_SLACK));
                count[i] = needed >= Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(least[i], (int) needed);
                powerMw += unitPowerMw[i % kinds] * count[i];
            }
        }
        return powerMw;
    }

    /** Eq. 6's counts, rounded down, never below {@code least}: count = floor(budget / demand x time). */
    static void roundDown(double[] timeNs, int[] least, double unitsPerNs, int[] count) {
        for (int i = 0; i < timeNs.length; i++) {
            if (timeNs[i] > 0) {
                double ideal = unitsPerNs * timeNs[i];
                double rounded = Math.floor(ideal * (1 + RELATIVE_SLACK));
                if (rounded >= Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("the budget affords more than " + Integer.MAX_VALUE
                            + " units of one component");
                }
                count[i] = Math.max(least[i], (int) rounded);
            }
        }
    }

    static double trimToBudget(double[] timeNs, int[] least, double[] unitPowerMw, double ceilingMw,
                                       int[] count, double powerMw) {
        int kinds = unitPowerMw.length;
        while (powerMw > ceilingMw) {
            int pick = -1;
            double pickLatency = Double.POSITIVE_INFINITY;
            for (int i = 0; i < count.length; i++) {
                if (count[i] > least[i]) {
                    double latency = timeNs[i] / (count[i] - 1);
                    if (latency < pickLatency) {
                        pick = i;
                        pickLatency = latency;
                    }
                }
            }
            // The least allocation fits (checked before), so some pair is above its least while over budget.
            count[pick]--;
            powerMw -= unitPowerMw[pick % kinds];
        }
        return powerMw;
    }

    /** Raises the pairs at the largest latency together while the budget pays for all of them. */
    static void topUp(double[] timeNs, double[] unitPowerMw, double ceilingMw, int[] count, double powerMw) {
        int kinds = unitPowerMw.length;
        int[] heap = new int[count.length];
        int size = 0;
        for (int i = 0; i < count.length; i++) {
            if (timeNs[i] > 0) {
                size = push(heap, size, i, timeNs, count);
            }
        }
        int[] tied = new int[count.length];
        while (size > 0) {
            double top = timeNs[heap[0]] / count[heap[0]];
            int ties = 0;
            double costMw = 0;
            while (size > 0 && timeNs[heap[0]] / count[heap[0]] == top) {
                tied[ties++] = heap[0];
                costMw += unitPowerMw[heap[0] % kinds];
                size = pop(heap, size, timeNs, count);
            }
            if (powerMw + costMw > ceilingMw) {
                return;
            }
            powerMw += costMw;
            for (int t = 0; t < ties; t++) {
                count[tied[t]]++;
                size = push(heap, size, tied[t], timeNs, count);
            }
        }
    }

    /** True where pair {@code a} has the larger latency (the lower index on ties): it goes first. */
    private static boolean before(int a, int b, double[] timeNs, int[] count) {
        double la = timeNs[a] / count[a];
        double lb = timeNs[b] / count[b];
        return la > lb || (la == lb && a < b);
    }

    private static int push(int[] heap, int size, int item, double[] timeNs, int[] count) {
        int at = size;
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(item, heap[parent], timeNs, count)) {
                break;
            }
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = item;
        return size + 1;
    }

    private static int pop(int[] heap, int size, double[] timeNs, int[] count) {
        int last = heap[--size];
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child], timeNs, count)) {
                child++;
            }
            if (!before(heap[child], last, timeNs, count)) {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = last;
        return size;
    }

    static double powerMw(int[] count, double[] unitPowerMw) {
        int kinds = unitPowerMw.length;
        double sum = 0;
        for (int i = 0; i < count.length; i++) {
            sum += unitPowerMw[i % kinds] * count[i];
        }
        return sum;
    }

    /** The largest latency over pairs with work, and its lowest-index pair (-1 without work). */
    static int boundPair(int[] count, double[] timeNs) {
        int bound = -1;
        double max = 0;
        for (int i = 0; i < count.length; i++) {
            if (timeNs[i] > 0 && (bound < 0 || timeNs[i] / count[i] > max)) {
                bound = i;
                max = timeNs[i] / count[i];
            }
        }
        return bound;
    }

    private static ComponentAllocation result(int[] count, double[] timeNs, double[] unitPowerMw, int groups,
                                              int kinds) {
        int[][] counts = new int[groups][kinds];
        for (int g = 0; g < groups; g++) {
            System.arraycopy(count, g * kinds, counts[g], 0, kinds);
        }
        int bound = boundPair(count, timeNs);
        double maxLatencyNs = bound < 0 ? 0 : timeNs[bound] / count[bound];
        return new ComponentAllocation(counts, powerMw(count, unitPowerMw), maxLatencyNs,
                bound < 0 ? -1 : bound / kinds, bound < 0 ? -1 : bound % kinds);
    }

    private static void validate(long[][] workload, double[] unitRatePerNs, double[] unitPowerMw, double budgetMw,
                                 int[][] minimumUnits) {
        int kinds = unitRatePerNs.length;
        if (unitPowerMw.length != kinds) {
            throw new IllegalArgumentException(kinds + " rates but " + unitPowerMw.length + " powers");
        }
        for (int c = 0; c < kinds; c++) {
            if (!(unitRatePerNs[c] > 0) || !Double.isFinite(unitRatePerNs[c])) {
                throw new IllegalArgumentException("rate of component " + c + " must be a finite number > 0, got "
                        + unitRatePerNs[c]);
            }
            if (!(unitPowerMw[c] > 0) || !Double.isFinite(unitPowerMw[c])) {
                throw new IllegalArgumentException("power of component " + c + " must be a finite number > 0, got "
                        + unitPowerMw[c]);
            }
        }
        if (Double.isNaN(budgetMw) || Double.isInfinite(budgetMw)) {
            throw new IllegalArgumentException("budget must be a finite number, got " + budgetMw);
        }
        if (minimumUnits != null && minimumUnits.length != workload.length) {
            throw new IllegalArgumentException(workload.length + " groups of work but " + minimumUnits.length
                    + " of minimum units");
        }
        for (int g = 0; g < workload.length; g++) {
            if (workload[g].length != kinds) {
                throw new IllegalArgumentException("group " + g + " has " + workload[g].length
                        + " workloads for " + kinds + " components");
            }
            if (minimumUnits != null && minimumUnits[g].length != kinds) {
                throw new IllegalArgumentException("group " + g + " has " + minimumUnits[g].length
                        + " minimum units for " + kinds + " components");
            }
            for (int c = 0; c < kinds; c++) {
                if (workload[g][c] < 0) {
                    throw new IllegalArgumentException("workload of group " + g + ", component " + c
                            + " must be >= 0, got " + workload[g][c]);
                }
                if (minimumUnits != null && minimumUnits[g][c] < 0) {
                    throw new IllegalArgumentException("minimum units of group " + g + ", component " + c
                            + " must be >= 0, got " + minimumUnits[g][c]);
                }
            }
        }
    }
}
