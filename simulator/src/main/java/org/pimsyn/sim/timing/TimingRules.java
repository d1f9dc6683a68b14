package org.pimsyn.sim.timing;

/**
 * How long each IR kind holds its resources, in whole clock cycles: the one statement of the timing rules of
 * {@code traces/README.md}, which the simulator, every bound and stage 4's unit rates use.
 *
 * <ul>
 * <li>MVM: one analog step, DAC conversion plus crossbar read, rounded up once: {@link #mvmCycles}.</li>
 * <li>ADC and ALU: a vector of w elements on a pool of lanes (ADCs, or units x vector width) takes
 * ceil(w / lanes) operations one after the other: {@link #vectorCycles}.</li>
 * <li>LOAD and STORE: ceil(w x data bits / bus width) bus accesses, each a read or write latency:
 * {@link #busAccesses}.</li>
 * <li>TRANSFER and MERGE: the longest route's hops, then every remote source's flits one after the other over the
 * shared links: {@link #transferCycles}.</li>
 * </ul>
 */
public final class TimingRules {
    private TimingRules() {
    }

    /**
     * Whole cycles a positive latency takes at a clock: rounded up, at least one. A tiny tolerance keeps exact
     * products such as 100 ns x 1.2 GHz at 120 cycles despite floating-point noise.
     */
    public static long cycles(double latencyNs, double clockGhz) {
        return Math.max(1L, (long) Math.ceil(latencyNs * clockGhz - 1e-9));
    }

    /** A latency as the simulator times it, in ns: its whole cycles at the clock. */
    public static double clockedNs(double latencyNs, double clockGhz) {
        return cycles(latencyNs, clockGhz) / clockGhz;
    }

    /** An MVM: the DAC's conversion and the crossbar's read form one analog step, rounded once. */
    public static long mvmCycles(double dacLatencyNs, double readLatencyNs, double clockGhz) {
        return cycles(dacLatencyNs + readLatencyNs, clockGhz);
    }

    /** The time of one MVM in ns, as {@link #mvmCycles} times it. */
    public static double mvmNs(double dacLatencyNs, double readLatencyNs, double clockGhz) {
        return mvmCycles(dacLatencyNs, readLatencyNs, clockGhz) / clockGhz;
    }

    /** An ADC or ALU IR of {@code width} elements on {@code lanes} lanes, each operation {@code opCycles}. */
    public static long vectorCycles(long width, int lanes, long opCycles) {
        return ceilDiv(width, lanes) * opCycles;
    }

    /** Unit operations of an ALU IR: its elements over one unit's vector width, rounded up. */
    public static long unitOperations(long width, int vectorWidth) {
        return ceilDiv(width, vectorWidth);
    }

    /**
     * Elements one unit processes per ns, as the simulator times it: {@code elementsPerOperation} per operation
     * of the latency in whole cycles (an ADC converts 1, an ALU unit its vector width).
     */
    public static double unitRatePerNs(double latencyNs, int elementsPerOperation, double clockGhz) {
        return elementsPerOperation / clockedNs(latencyNs, clockGhz);
    }

    /** Bus accesses of a LOAD or STORE of {@code width} elements of {@code dataBits}. */
    public static long busAccesses(long width, int dataBits, int busWidthBits) {
        return ceilDiv(width * dataBits, busWidthBits);
    }

    /**
     * A TRANSFER or MERGE: the longest route's hops, then the flits of every remote source (at least one) one after
     * the other.
     */
    public static long transferCycles(int maxHops, long hopCycles, long flits, int cyclesPerFlit,
            int remoteSources) {
        return maxHops * hopCycles + flits * cyclesPerFlit * Math.max(1, remoteSources);
    }

    /** ceil(a / b) for a >= 0, b >= 1; int division when a fits, which is most of the time and much faster. */
    public static long ceilDiv(long a, int b) {
        if (a <= Integer.MAX_VALUE) {
            int x = (int) a;
            return x == 0 ? 0 : (x - 1) / b + 1;
        }
        return (a - 1) / b + 1;
    }

    public static long ceilDiv(long a, long b) {
        return a == 0 ? 0 : (a - 1) / b + 1;
    }
}
