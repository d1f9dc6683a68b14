package org.pimsyn.sim.engine;

import it.unimi.dsi.fastutil.longs.LongHeapPriorityQueue;
import java.util.Arrays;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.ir.IrProgram;

/**
 * The discrete-event loop. It jumps from one IR end to the next; at each such cycle it first retires every
 * IR ending then (releasing resources, readying successors), then dispatches waiting IRs in arbitration order.
 *
 * <p>Each waiting IR sits in the queue of one resource it needs: first the first resource of its set, later
 * whichever resource it last found busy. Queues are ordered by the arbitration key (ready cycle, image, rank
 * in (layer, block, id) order), packed into one long. A queue is examined only when its resource may have a
 * free unit, so an IR never waits while every resource it needs is free (the schedule is work-conserving) and
 * acquires all its resources at once (no hold-and-wait, hence no deadlock).
 *
 * <p>Buffers grow to the largest program seen and are reused; one loop serves one thread.
 */
final class EventLoop {
    private static final int END_PRIORITY = 0;

    private final EventQueue events = new BinaryHeapEventQueue();
    /** Resources that may dispatch now, keyed by the arbitration key of their queue's head. */
    private final MinHeap candidates = new MinHeap();
    private LongHeapPriorityQueue[] queues = new LongHeapPriorityQueue[0];
    private int[] pending = new int[0];
    private int[] free = new int[0];
    private long[] queueSince = new long[0];
    private boolean[] touchedFlag = new boolean[0];
    private int[] touched = new int[0];
    private int touchedCount;

    private IrProgram program;
    private int n;
    private int images;
    private int[] duration;
    private int[] resourceSet;
    private int[] setStart;
    private int[] setMembers;
    private int dataBits;
    private int rankBits;
    private int timeShift;
    private long rankMask;
    private long imageMask;
    private long maxReadyCycle;
    private SimulationObserver observer;
    private boolean observing;
    private long executed;

    // Results of the last run.
    long cycles;
    long[] imageEndCycles;
    long[] layerFirstStart;
    long[] layerLastEnd;
    long[] waitCycles;
    long[] highWaterBits;
    private long[] occupancyBits;

    void run(CompiledProgram c, SimulationObserver obs) {
        program = c.program;
        n = program.size();
        images = c.images;
        duration = c.duration;
        resourceSet = c.resourceSet;
        setStart = c.setStart;
        setMembers = c.setMembers;
        dataBits = c.design.dataBits;
        observer = obs == null ? SimulationObserver.NONE : obs;
        observing = observer != SimulationObserver.NONE;
        long executions = (long) n * images;
        if (executions > Integer.MAX_VALUE) {
            throw new InvalidSimulationInputException(images + " images x " + n + " IRs = " + executions
                    + " IR executions, beyond the simulator's limit of " + Integer.MAX_VALUE);
        }
        rankBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(0, n - 1)));
        int imageBits = 32 - Integer.numberOfLeadingZeros(images - 1);
        timeShift = rankBits + imageBits;
        rankMask = (1L << rankBits) - 1;
        imageMask = (1L << imageBits) - 1;
        maxReadyCycle = (1L << (63 - timeShift)) - 1;
        prepare(c, (int) executions);
        if (observing) {
            observer.started(new SimulationStart(c.design.accelerator, program, images, c.resources));
        }
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                makeReady(0, i, 0);
            }
        }
        long now = 0;
        dispatch(now);
        EventQueue ev = events;
        while (!ev.isEmpty()) {
            now = ev.peekTime();
            do {
                retire(ev.pop(), now);
            } while (!ev.isEmpty() && ev.peekTime() == now);
            dispatch(now);
        }
        cycles = now;
        if (executed != executions) {
            throw new IllegalStateException("simulation stalled: " + executed + " of " + executions
                    + " IR executions ran");
        }
        if (observing) {
            observer.finished(now);
        }
        program = null;
        observer = null;
    }

    private void prepare(CompiledProgram c, int executions) {
        int resources = c.resources.size();
        if (queues.length < resources) {
            LongHeapPriorityQueue[] grown = Arrays.copyOf(queues, resources);
            for (int r = queues.length; r < resources; r++) {
                grown[r] = new LongHeapPriorityQueue();
            }
            queues = grown;
            free = new int[resources];
            queueSince = new long[resources];
            touchedFlag = new boolean[resources];
            touched = new int[resources];
        }
        for (int r = 0; r < resources; r++) {
            queues[r].clear();
            free[r] = c.resources.capacity(r);
            queueSince[r] = 0;
        }
        touchedCount = 0;
        events.clear();
        candidates.clear();
        if (pending.length < executions) {
            pending = new int[executions];
        }
        Arrays.fill(pending, 0, n, 0);
        int edges = program.edgeCount();
        for (int k = 0; k < edges; k++) {
            pending[program.successorAt(k)]++;
        }
        for (int image = 1; image < images; image++) {
            // Image k+1 runs each IR only after image k's run of the same IR: every IR serves images in order.
            int base = image * n;
            for (int i = 0; i < n; i++) {
                pending[base + i] = pending[i] + 1;
            }
        }
        executed = 0;
        cycles = 0;
        imageEndCycles = new long[images];
        int layers = c.design.layers;
        layerFirstStart = new long[layers];
        layerLastEnd = new long[layers];
        Arrays.fill(layerFirstStart, -1);
        Arrays.fill(layerLastEnd, -1);
        waitCycles = new long[resources];
        occupancyBits = new long[c.design.macros];
        highWaterBits = new long[c.design.macros];
    }

    private void makeReady(int image, int node, long now) {
        int set = resourceSet[node];
        int first = setStart[set];
        if (first == setStart[set + 1]) {
            start(image, node, now, set);
            return;
        }
        if (now > maxReadyCycle) {
            throw new IllegalStateException("simulated time passed " + maxReadyCycle
                    + " cycles, the most the arbitration key can hold for this program size");
        }
        long key = (now << timeShift) | ((long) image << rankBits) | program.rank(node);
        int r = setMembers[first];
        enqueue(r, key, now);
        touch(r);
    }

    private void enqueue(int r, long key, long now) {
        LongHeapPriorityQueue q = queues[r];
        waitCycles[r] += q.size() * (now - queueSince[r]);
        queueSince[r] = now;
        q.enqueue(key);
        if (observing) {
            observer.queueDepthChanged(now, r, q.size());
        }
    }

    private void dequeue(int r, long now) {
        LongHeapPriorityQueue q = queues[r];
        waitCycles[r] += q.size() * (now - queueSince[r]);
        queueSince[r] = now;
        q.dequeueLong();
        if (observing) {
            observer.queueDepthChanged(now, r, q.size());
        }
    }

    private void touch(int r) {
        if (!touchedFlag[r]) {
            touchedFlag[r] = true;
            touched[touchedCount++] = r;
        }
    }

    private void dispatch(long now) {
        final MinHeap cand = candidates;
        final LongHeapPriorityQueue[] qs = queues;
        final int[] freeUnits = free;
        for (int i = 0; i < touchedCount; i++) {
            int r = touched[i];
            touchedFlag[r] = false;
            if (freeUnits[r] > 0 && !qs[r].isEmpty()) {
                cand.push(qs[r].firstLong(), 0, r);
            }
        }
        touchedCount = 0;
        while (!cand.isEmpty()) {
            long key = cand.peekPrimary();
            int r = cand.pop();
            LongHeapPriorityQueue q = qs[r];
            if (freeUnits[r] == 0 || q.isEmpty()) {
                continue;
            }
            if (q.firstLong() != key) {
                cand.push(q.firstLong(), 0, r);
                continue;
            }
            int node = program.nodeAtRank((int) (key & rankMask));
            int image = (int) ((key >>> rankBits) & imageMask);
            int set = resourceSet[node];
            int from = setStart[set];
            int to = setStart[set + 1];
            int blocked = -1;
            for (int k = from; k < to; k++) {
                if (freeUnits[setMembers[k]] == 0) {
                    blocked = setMembers[k];
                    break;
                }
            }
            dequeue(r, now);
            if (blocked < 0) {
                for (int k = from; k < to; k++) {
                    freeUnits[setMembers[k]]--;
                }
                start(image, node, now, set);
            } else {
                enqueue(blocked, key, now);
            }
            if (freeUnits[r] > 0 && !q.isEmpty()) {
                cand.push(q.firstLong(), 0, r);
            }
        }
    }

    private void start(int image, int node, long now, int set) {
        long end = now + duration[node];
        events.push(end, END_PRIORITY, image * n + node);
        if (image == 0) {
            int layer = program.layer(node);
            if (layerFirstStart[layer] < 0) {
                layerFirstStart[layer] = now;
            }
        }
        int kind = program.kindCode(node);
        if (kind == CompiledProgram.STORE) {
            grow(program.macro(node), (long) program.width(node) * dataBits);
        } else if (kind == CompiledProgram.TRANSFER) {
            if (program.auxField(node) != program.macro(node)) {
                grow(program.auxField(node), (long) program.width(node) * dataBits);
            }
        } else if (kind == CompiledProgram.MERGE) {
            int dst = program.macro(node);
            int mergeSet = program.auxField(node);
            long bits = (long) program.width(node) * dataBits;
            for (int k = program.mergeSetStart(mergeSet); k < program.mergeSetStart(mergeSet + 1); k++) {
                if (program.mergeSetMacro(k) != dst) {
                    grow(dst, bits);
                }
            }
        }
        if (observing) {
            observer.irStarted(now, end, image, node, setMembers, setStart[set], setStart[set + 1] - setStart[set]);
        }
    }

    private void retire(int execution, long now) {
        int image = images == 1 ? 0 : execution / n;
        int node = execution - image * n;
        int set = resourceSet[node];
        final int[] freeUnits = free;
        for (int k = setStart[set], to = setStart[set + 1]; k < to; k++) {
            int r = setMembers[k];
            freeUnits[r]++;
            if (!queues[r].isEmpty()) {
                touch(r);
            }
        }
        imageEndCycles[image] = now;
        if (image == 0) {
            layerLastEnd[program.layer(node)] = now;
        }
        int kind = program.kindCode(node);
        if (kind == CompiledProgram.LOAD) {
            shrink(program.macro(node), (long) program.width(node) * dataBits);
        } else if (kind == CompiledProgram.TRANSFER) {
            if (program.auxField(node) != program.macro(node)) {
                shrink(program.macro(node), (long) program.width(node) * dataBits);
            }
        } else if (kind == CompiledProgram.MERGE) {
            int dst = program.macro(node);
            int mergeSet = program.auxField(node);
            long bits = (long) program.width(node) * dataBits;
            for (int k = program.mergeSetStart(mergeSet); k < program.mergeSetStart(mergeSet + 1); k++) {
                if (program.mergeSetMacro(k) != dst) {
                    shrink(program.mergeSetMacro(k), bits);
                }
            }
        }
        executed++;
        if (observing) {
            observer.irFinished(now, image, node);
        }
        int base = image * n;
        for (int k = program.successorStart(node), to = program.successorStart(node + 1); k < to; k++) {
            int s = program.successorAt(k);
            if (--pending[base + s] == 0) {
                makeReady(image, s, now);
            }
        }
        if (image + 1 < images && --pending[base + n + node] == 0) {
            makeReady(image + 1, node, now);
        }
    }

    private void grow(int macro, long bits) {
        long now = occupancyBits[macro] + bits;
        occupancyBits[macro] = now;
        if (now > highWaterBits[macro]) {
            highWaterBits[macro] = now;
        }
    }

    /** Data read out leaves; input that was never stored here (the network's input) leaves nothing below 0. */
    private void shrink(int macro, long bits) {
        occupancyBits[macro] = Math.max(0, occupancyBits[macro] - bits);
    }

    long retainedBytes() {
        long bytes = 4L * pending.length + 16L * free.length + 8L * queueSince.length + touched.length * 5L;
        for (LongHeapPriorityQueue q : queues) {
            bytes += 48 + 8L * q.size();
        }
        return bytes;
    }
}
