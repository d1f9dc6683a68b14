package org.pimsyn.synth.stage.allocation;

import java.util.Arrays;

/**
 * Unit counts per (group, component) and what they give: the power they draw at peak, the largest latency
 * Wl / (rate x count) over all pairs with work, and the pair that sets it. Immutable: counts are copied out.
 *
 * @param boundGroup     group of the pair with the largest latency (the lowest index on ties), -1 without work
 * @param boundComponent component of that pair, -1 without work
 */
public record ComponentAllocation(int[][] counts, double powerMw, double maxLatencyNs, int boundGroup,
                                  int boundComponent) implements AllocationResult {

    public ComponentAllocation {
        int[][] copy = new int[counts.length][];
        for (int g = 0; g < counts.length; g++) {
            copy[g] = counts[g].clone();
        }
        counts = copy;
    }

    @Override
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int g = 0; g < counts.length; g++) {
            copy[g] = counts[g].clone();
        }
        return copy;
    }

    /** Units of component {@code c} in group {@code g}, without a copy. */
    public int count(int g, int c) {
        return counts[g][c];
    }

    public int groups() {
        return counts.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComponentAllocation other && Arrays.deepEquals(counts, other.counts)
                && Double.compare(powerMw, other.powerMw) == 0
                && Double.compare(maxLatencyNs, other.maxLatencyNs) == 0
                && boundGroup == other.boundGroup && boundComponent == other.boundComponent;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(counts) + Double.hashCode(maxLatencyNs);
    }

    @Override
    public String toString() {
        return "ComponentAllocation" + Arrays.deepToString(counts) + "[powerMw=" + powerMw
                + ", maxLatencyNs=" + maxLatencyNs + ", bound=(" + boundGroup + ", " + boundComponent + ")]";
    }
}
