package org.pimsyn.sim.engine;

import java.util.Arrays;

/**
 * {@link EventQueue} for a bounded horizon: a ring of per-cycle FIFO buckets plus a bitmap of non-empty
 * buckets, so push and pop take constant time and finding the next event costs one bit scan per 64 cycles
 * skipped. Order is exactly (time, priority, sequence): a bucket holds one cycle's events, appended in push order
 * and kept sorted by priority.
 *
 * <p>Contract beyond {@link EventQueue}: every pushed time lies in [t, t + horizon), where t is the time of the
 * last event popped (0 before the first). A discrete-event engine whose events are scheduled at most
 * {@code horizon - 1} cycles ahead satisfies it.
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
    /** Time of the last event popped: no event is earlier, none is {@code buckets} or more later. */
    private long base;
    /** The next event's time when known, else -1. */
    private long nextTime = -1;

    /** @param horizon one more than the furthest ahead an event will be scheduled, at most 2^24 */
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

    /** How many cycles ahead events may be pushed. */
    public int horizon() {
        return buckets;
    }

    @Override
    public void push(long time, int priority, int payload) {
        if (time < base || time - base >= buckets) {
            throw new IllegalArgumentException("event at " + time + " is outside the window [" + base + ", "
                    + (base + buckets) + ")");
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
            throw new java.util.NoSuchElementException("no event left");
        }
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
        long time = peekTime();
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
        return payloads[e];
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
