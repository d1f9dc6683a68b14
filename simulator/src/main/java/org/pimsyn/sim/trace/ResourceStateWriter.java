package org.pimsyn.sim.trace;

import it.unimi.dsi.fastutil.longs.LongHeapPriorityQueue;
import java.io.Closeable;
import java.io.OutputStream;
import java.util.Arrays;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.engine.ResourceTable;
import org.pimsyn.sim.engine.SimulationObserver;
import org.pimsyn.sim.engine.SimulationStart;

/**
 * What the trace writers share: per resource the units in use and the queue depth, settled cycle by cycle.
 * Within one cycle the engine may queue an IR and dispatch it at once, or release a unit and hand it to the
 * next IR; only the state at the end of a cycle holds for any time, so subclasses see one settled state per
 * event cycle, with the resources whose state changed, and never the transients.
 *
 * <p>Units are released at the end cycle announced by {@code irStarted}, from a heap of pending releases, so
 * nothing is kept per IR execution: memory grows with the resources and the IRs running at once, not with the
 * length of the run.
 */
abstract class ResourceStateWriter implements SimulationObserver, Closeable {
    final AsciiSink out;
    final CycleWindow window;
    private final boolean tracksBusy;

    SimulationStart start;
    ResourceTable resources;
    int resourceCount;
    private int[] busy;
    private int[] queue;
    private int[] settledBusy;
    private int[] settledQueue;
    private int[] dirty;
    private boolean[] isDirty;
    private int dirtyCount;
    private int[] changed;
    /** Pending releases, keyed end cycle x resourceCount + resource. */
    private final LongHeapPriorityQueue releases = new LongHeapPriorityQueue();
    private long latestEndCycle;
    private long now;
    private boolean windowOpen;

    ResourceStateWriter(OutputStream out, CycleWindow window, boolean tracksBusy) {
        this.out = new AsciiSink(out);
        this.window = window == null ? CycleWindow.ALL : window;
        this.tracksBusy = tracksBusy;
    }

    /** Writes the header, once the design and resources are known. */
    abstract void begin(SimulationStart s);

    /** An IR execution started; called after its units were counted in {@link #busy}. */
    void executionStarted(long cycle, long endCycle, int image, int ir, int[] held, int offset, int count) {
    }

    /**
     * The state at {@code cycle} is final and holds until {@code until} (exclusive; equal to {@code cycle} for
     * the state after the last IR). {@code changed[0 .. count-1]}, ascending, are the resources whose busy units
     * or queue depth differ from the previous settled state; {@link #previousBusy} and {@link #previousQueue}
     * still give that state. The array is reused after the call.
     *
     * <p>By default this keeps to the trace window: {@link #windowOpened} once the state at its first cycle is
     * known, then {@link #changedInWindow} for every later cycle before its end.
     */
    void cycleSettled(long cycle, long until, int[] changed, int count) {
        if (!windowOpen) {
            if (until > window.startCycle()) {
                openWindow();
            }
            return;
        }
        if (cycle < window.endCycle()) {
            changedInWindow(cycle, changed, count);
        }
    }

    /** The current state is the state at the trace window's first cycle. */
    void windowOpened() {
    }

    /** Changes settled at a cycle after the window's first and before its end (see {@link #cycleSettled}). */
    void changedInWindow(long cycle, int[] changed, int count) {
    }

    /** After the last settled state; {@code cycles} is the makespan. Write the trailer. */
    abstract void ended(long cycles);

    @Override
    public final void started(SimulationStart s) {
        if (start != null) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + " records one simulation; open a new writer per run");
        }
        start = s;
        resources = s.resources();
        resourceCount = resources.size();
        busy = new int[resourceCount];
        queue = new int[resourceCount];
        settledBusy = new int[resourceCount];
        settledQueue = new int[resourceCount];
        dirty = new int[resourceCount];
        isDirty = new boolean[resourceCount];
        changed = new int[resourceCount];
        // Keys pack end x resourceCount + resource into a long; refuse runs too long for that instead of wrapping.
        latestEndCycle = (Long.MAX_VALUE - resourceCount) / Math.max(1, resourceCount);
        begin(s);
    }

    @Override
    public final void irStarted(long cycle, long endCycle, int image, int ir, int[] held, int offset, int count) {
        advanceTo(cycle);
        if (tracksBusy && count > 0) {
            if (endCycle > latestEndCycle) {
                throw new InvalidSimulationInputException("cannot trace past cycle " + latestEndCycle + " with "
                        + resourceCount + " resources; an IR ends at cycle " + endCycle);
            }
            long base = endCycle * resourceCount;
            for (int k = offset, to = offset + count; k < to; k++) {
                int r = held[k];
                busy[r]++;
                mark(r);
                releases.enqueue(base + r);
            }
        }
        executionStarted(cycle, endCycle, image, ir, held, offset, count);
    }

    @Override
    public final void irFinished(long cycle, int image, int ir) {
        advanceTo(cycle);
    }

    @Override
    public final void queueDepthChanged(long cycle, int resource, int depth) {
        advanceTo(cycle);
        queue[resource] = depth;
        mark(resource);
    }

    @Override
    public final void finished(long cycles) {
        advanceTo(cycles);
        settle(now, now);
        if (!windowOpen) {
            // The run ended before the window began: its first cycle sees the final, idle state.
            openWindow();
        }
        ended(cycles);
        out.flush();
    }

    /** Closes the output stream (without a trailer if the run did not finish). */
    @Override
    public void close() {
        out.close();
    }

    final int busy(int r) {
        return busy[r];
    }

    final int queue(int r) {
        return queue[r];
    }

    final int previousBusy(int r) {
        return settledBusy[r];
    }

    final int previousQueue(int r) {
        return settledQueue[r];
    }

    private void advanceTo(long cycle) {
        while (true) {
            long next = cycle;
            if (!releases.isEmpty()) {
                next = Math.min(next, releases.firstLong() / resourceCount);
            }
            if (next > now) {
                settle(now, next);
                now = next;
            }
            while (!releases.isEmpty() && releases.firstLong() / resourceCount <= now) {
                int r = (int) (releases.dequeueLong() % resourceCount);
                busy[r]--;
                mark(r);
            }
            if (now >= cycle) {
                return;
            }
        }
    }

    private void openWindow() {
        windowOpen = true;
        windowOpened();
    }

    private void mark(int r) {
        if (!isDirty[r]) {
            isDirty[r] = true;
            dirty[dirtyCount++] = r;
        }
    }

    private void settle(long cycle, long until) {
        int count = 0;
        if (dirtyCount > 0) {
            Arrays.sort(dirty, 0, dirtyCount);
            for (int i = 0; i < dirtyCount; i++) {
                int r = dirty[i];
                isDirty[r] = false;
                if (busy[r] != settledBusy[r] || queue[r] != settledQueue[r]) {
                    changed[count++] = r;
                }
            }
            dirtyCount = 0;
        }
        cycleSettled(cycle, until, changed, count);
        for (int i = 0; i < count; i++) {
            int r = changed[i];
            settledBusy[r] = busy[r];
            settledQueue[r] = queue[r];
        }
    }
}
