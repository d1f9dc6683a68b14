package org.pimsyn.sim.engine;

/** {@link EventQueue} on a binary heap of primitive longs; (priority, sequence) share one long. */
public final class BinaryHeapEventQueue implements EventQueue {
    private static final int SEQUENCE_BITS = 40;
    private static final int MAX_PRIORITY = (1 << 22) - 1;

    private final MinHeap heap = new MinHeap(64);
    private long sequence;

    @Override
    public void push(long time, int priority, int payload) {
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("event priority must be in 0.." + MAX_PRIORITY + ", got " + priority);
        }
        heap.push(time, ((long) priority << SEQUENCE_BITS) | (sequence++ & ((1L << SEQUENCE_BITS) - 1)), payload);
    }

    @Override
    public boolean isEmpty() {
        return heap.isEmpty();
    }

    @Override
    public int size() {
        return heap.size();
    }

    @Override
    public long peekTime() {
        return heap.peekPrimary();
    }

    /** Priority of the next event; undefined when empty. */
    int peekPriority() {
        return (int) (heap.peekSecondary() >>> SEQUENCE_BITS);
    }

    @Override
    public int pop() {
        return heap.pop();
    }

    @Override
    public void clear() {
        heap.clear();
        sequence = 0;
    }
}
