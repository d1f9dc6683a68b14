package org.pimsyn.sim.trace;

import java.io.OutputStream;
import org.pimsyn.sim.engine.SimulationStart;

/**
 * Writes the utilization of every resource per window of cycles as CSV, one row per (window, resource), rows
 * streamed as each window closes:
 * {@code window_start_cycle,window_end_cycle,resource,kind,macro,busy_cycles,utilization,max_queue}.
 *
 * <p>Windows are {@code windowCycles} long, counted from the trace window's first cycle; the last one ends at the
 * makespan (or at the trace window's end) and may be shorter. {@code busy_cycles} are unit-cycles (a pool of
 * two units busy for 10 cycles counts 20); {@code utilization} = busy_cycles / (capacity x window length), six
 * decimals; {@code max_queue} is the deepest the resource's queue was at the end of any cycle of the window.
 * {@code macro} is -1 for a NoC link.
 */
public final class UtilizationCsvWriter extends ResourceStateWriter {
    public static final String HEADER =
            "window_start_cycle,window_end_cycle,resource,kind,macro,busy_cycles,utilization,max_queue";

    private final long windowCycles;
    private String[] names;
    private String[] kinds;
    private long[] busyCycles;
    private long[] lastChange;
    private int[] maxQueue;
    private long openStart;
    private long nextBoundary;
    private boolean done;

    /**
     * @param window       the cycles kept; null for the whole run
     * @param windowCycles length of one utilization window, at least 1
     */
    public UtilizationCsvWriter(OutputStream out, CycleWindow window, long windowCycles) {
        super(out, window, true);
        if (windowCycles < 1) {
            throw new IllegalArgumentException("windowCycles must be >= 1, got " + windowCycles);
        }
        this.windowCycles = windowCycles;
    }

    @Override
    void begin(SimulationStart s) {
        names = new String[resourceCount];
        kinds = new String[resourceCount];
        for (int r = 0; r < resourceCount; r++) {
            names[r] = resources.name(r);
            kinds[r] = resources.kind(r).name();
        }
        busyCycles = new long[resourceCount];
        lastChange = new long[resourceCount];
        maxQueue = new int[resourceCount];
        long first = window.startCycle();
        // Before the trace window runs a silent window [0, START), closed like the others but not written.
        nextBoundary = first == 0 ? boundaryAfter(0) : first;
        out.put(HEADER).put('\n');
    }

    private long boundaryAfter(long boundary) {
        long end = window.endCycle();
        return end - boundary <= windowCycles ? end : boundary + windowCycles;
    }

    @Override
    void cycleSettled(long cycle, long until, int[] changed, int count) {
        if (done) {
            return;
        }
        if (cycle == nextBoundary) {
            // The window ends here: what it held is the state before this cycle's changes.
            closeWindow(cycle, true);
            if (done) {
                return;
            }
        }
        for (int i = 0; i < count; i++) {
            int r = changed[i];
            busyCycles[r] += (long) previousBusy(r) * (cycle - lastChange[r]);
            lastChange[r] = cycle;
            maxQueue[r] = Math.max(maxQueue[r], queue(r));
        }
        while (!done && nextBoundary < until) {
            closeWindow(nextBoundary, false);
        }
    }

    @Override
    void ended(long cycles) {
        if (!done && openStart < cycles) {
            closeWindow(cycles, false);
        }
        done = true;
    }

    /**
     * Ends the open window at {@code end} (a window boundary, or the makespan): accounts busy units up to it,
     * writes its rows if it lies in the trace window, and opens the next one with the state holding at {@code end}.
     */
    private void closeWindow(long end, boolean beforeChanges) {
        boolean written = openStart >= window.startCycle();
        long length = end - openStart;
        for (int r = 0; r < resourceCount; r++) {
            int units = beforeChanges ? previousBusy(r) : busy(r);
            long busyUnitCycles = busyCycles[r] + (long) units * (end - lastChange[r]);
            if (written) {
                row(end, length, r, busyUnitCycles);
            }
            busyCycles[r] = 0;
            lastChange[r] = end;
            maxQueue[r] = queue(r);
        }
        openStart = end;
        if (end >= window.endCycle()) {
            done = true;
        } else {
            nextBoundary = boundaryAfter(end);
        }
    }

    private void row(long end, long length, int r, long busyUnitCycles) {
        long capacityCycles = (long) resources.capacity(r) * length;
        long utilizationMillionths = Math.round(busyUnitCycles * 1e6 / capacityCycles);
        out.put(openStart).put(',').put(end).put(',').put(names[r]).put(',').put(kinds[r]).put(',')
                .put(resources.macro(r)).put(',').put(busyUnitCycles).put(',').putFixed(utilizationMillionths, 6, false)
                .put(',').put(maxQueue[r]).put('\n');
    }
}
