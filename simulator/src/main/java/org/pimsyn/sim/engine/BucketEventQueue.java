package org.pimsyn.sim.engine;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * {@link EventQueue} as a calendar: a ring of per-cycle FIFO buckets covering the next {@code buckets} cycles plus
 * a bitmap of non-empty buckets, so push and pop take constant time and finding the next event costs one bit scan
 * per 64 cycles skipped. Events further ahead than the ring reaches wait in a binary heap beside it. The ring is
 * kept small so that it stays in cache while simulated time sweeps over it; a few long operations go to the heap.
 *
 * <p>Order is exactly (time, priority, sequence): a bucket holds one cycle's events, appended in push order and
 * kept sorted by priority, and the heap orders by all three. Where a heap event and a ring event share time and
 * priority, the heap event was pushed first: it went to the heap because its time lay beyond the ring's window
 * then, and the window only moves forward.
 *
 * <p>Contract beyond {@link EventQueue}: no pushed time lies before the time of the last event popped (0 before
 * the first), as in any discrete-event engine.
 */
public final class BucketEventQueue implements EventQueue {
    private final int buckets;
    private final int mask;
    private final int[] head;
    private final int[] tail;
    private final long[] nonEmpty;
    private int[] next = new int[256];
    private int[] payloads = new int[256];
    private int[] priorities = new int[256];
    private int freeEntry = -1;
    private int allocated;
    private int size;
    /** Events in the ring, the rest of {@link #size} wait in {@link #far}. */
    private int inRing;
    /** Events beyond the ring's window, in (time, priority, push order). */
    private final BinaryHeapEventQueue far = new BinaryHeapEventQueue();
    /** Time of the last event popped: no event is earlier, none is {@code buckets} or more later. */
    private long base;
    /** The next event's time when known, else -1. */
    private long nextTime = -1;

    /**
     * @param horizon cycles ahead the ring should reach, in 1..2^24 (rounded up to a power of two, at least 64);
     *                events further ahead are still accepted
     */
    public BucketEventQueue(int horizon) {
        if (horizon < 1 || horizon > (1 << 24)) {
            throw new IllegalArgumentException("horizon must be in 1..2^24, got " + horizon);
        }
        buckets = Math.max(64, Integer.highestOneBit(horizon - 1) << 1);
        mask = buckets - 1;
        head = new int[buckets];
        tail = new int[buckets];
        nonEmpty = new long[buckets >>> 6];
        Arrays.fill(head, -1);
        Arrays.fill(tail, -1);
    }

    /** How many cycles ahead the ring reaches; later events wait in the heap. */
    public int horizon() {
        return buckets;
    }

    @Override
    public void push(long time, int priority, int payload) {
        if (time < base) {
            throw new IllegalArgumentException("event at " + time + " is before the last event's time " + base);
        }
        if (time - base >= buckets) {
            far.push(time, priority, payload);
            size++;
            return;
        }
        int e = allocate();
        payloads[e] = payload;
        priorities[e] = priority;
        int b = (int) (time & mask);
        int last = tail[b];
        if (last < 0) {
            next[e] = -1;
            head[b] = e;
            tail[b] = e;
            nonEmpty[b >>> 6] |= 1L << b;
            if (nextTime >= 0 && time < nextTime) {
                nextTime = time;
            }
        } else if (priorities[last] <= priority) {
            next[e] = -1;
            next[last] = e;
            tail[b] = e;
        } else {
            int before = -1;
            int at = head[b];
            while (priorities[at] <= priority) {
                before = at;
                at = next[at];
            }
            next[e] = at;
            if (before < 0) {
                head[b] = e;
            } else {
                next[before] = e;
            }
        }
        size++;
        inRing++;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long peekTime() {
        if (size == 0) {
            throw new NoSuchElementException("no event left");
        }
        if (inRing == 0) {
            return far.peekTime();
        }
        long ringTime = nextRingTime();
        return far.isEmpty() ? ringTime : Math.min(ringTime, far.peekTime());
    }

    /** The earliest time in the ring (not empty), cached in {@link #nextTime} while no heap event is earlier. */
    private long nextRingTime() {
        if (nextTime >= 0) {
            return nextTime;
        }
        int b = (int) (base & mask);
        int word = b >>> 6;
        long bits = nonEmpty[word] & (-1L << b);
        long skipped = -(b & 63);
        while (bits == 0) {
            skipped += 64;
            word = (word + 1) & ((buckets >>> 6) - 1);
            bits = nonEmpty[word];
        }
        nextTime = base + skipped + Long.numberOfTrailingZeros(bits);
        return nextTime;
    }

    @Override
    public int pop() {
        if (size == 0) {
            throw new NoSuchElementException("no event left");
        }
        if (!far.isEmpty() && farFirst()) {
            // The ring's earliest event, cached or not, stays where it was: it is not before this one.
            base = far.peekTime();
            size--;
            return far.pop();
        }
        long time = nextRingTime();
        base = time;
        int b = (int) (time & mask);
        int e = head[b];
        int after = next[e];
        head[b] = after;
        if (after < 0) {
            tail[b] = -1;
            nonEmpty[b >>> 6] &= ~(1L << b);
            nextTime = -1;
        }
        next[e] = freeEntry;
        freeEntry = e;
        size--;
        inRing--;
        return payloads[e];
    }

    /** Whether the heap's next event comes before the ring's (the heap is not empty). */
    private boolean farFirst() {
        if (inRing == 0) {
            return true;
        }
        long ringTime = nextRingTime();
        long farTime = far.peekTime();
        if (farTime != ringTime) {
            return farTime < ringTime;
        }
        return far.peekPriority() <= priorities[head[(int) (ringTime & mask)]];
    }

    @Override
    public void clear() {
        if (size > 0) {
            Arrays.fill(head, -1);
            Arrays.fill(tail, -1);
            Arrays.fill(nonEmpty, 0);
        }
        freeEntry = -1;
        allocated = 0;
        size = 0;
        inRing = 0;
        far.clear();
        base = 0;
        nextTime = -1;
    }

    private int allocate() {
        if (freeEntry >= 0) {
            int e = freeEntry;
            freeEntry = next[e];
            return e;
        }
        if (allocated == next.length) {
            int grown = allocated * 2;
            next = Arrays.copyOf(next, grown);
            payloads = Arrays.copyOf(payloads, grown);
            priorities = Arrays.copyOf(priorities, grown);
        }
        return allocated++;
    }
}
