package org.pimsyn.sim.engine;

import java.util.Arrays;

/**
 * Min-heap of arbitration keys (primitive longs) for the IRs waiting on one resource. Keys mostly arrive in
 * increasing order (later ready cycles), which costs one comparison to insert.
 */
final class WaitQueue {
    private long[] heap = new long[16];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    long first() {
        return heap[0];
    }

    void add(long key) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        long[] h = heap;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long p = h[parent];
            if (p <= key) {
                break;
            }
            h[i] = p;
            i = parent;
        }
        h[i] = key;
    }

    void removeFirst() {
        long[] h = heap;
        int last = --size;
        if (last == 0) {
            return;
        }
        long key = h[last];
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            long c = h[child];
            int right = child + 1;
            if (right < last && h[right] < c) {
                child = right;
                c = h[right];
            }
            if (key <= c) {
                break;
            }
            h[i] = c;
            i = child;
        }
        h[i] = key;
    }
}
