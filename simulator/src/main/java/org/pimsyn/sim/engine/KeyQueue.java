package org.pimsyn.sim.engine;

import java.util.Arrays;

/**
 * Priority queue of distinct long keys, smallest first, for the IRs waiting for one resource. Keys start with
 * the cycle an IR became ready, so they nearly always arrive in increasing order: those go to the end of a sorted
 * ring, pushed and popped in constant time. The rare key below the ring's last (an IR readied in the same cycle
 * with a lower rank, or one moving over from another resource's queue with its older key) goes to a binary heap
 * beside it; the smallest key is the smaller of the two heads.
 */
final class KeyQueue {
    private long[] ring = new long[4];
    private int head;
    private int ringSize;
    private long[] heap = new long[4];
    private int heapSize;

    int size() {
        return ringSize + heapSize;
    }

    void clear() {
        head = 0;
        ringSize = 0;
        heapSize = 0;
    }

    void push(long key) {
        if (ringSize == 0 || key > ring[(head + ringSize - 1) & (ring.length - 1)]) {
            if (ringSize == ring.length) {
                growRing();
            }
            ring[(head + ringSize) & (ring.length - 1)] = key;
            ringSize++;
        } else {
            pushHeap(key);
        }
    }

    /** The smallest key; the queue must not be empty. */
    long peek() {
        if (heapSize == 0) {
            return ring[head];
        }
        if (ringSize == 0) {
            return heap[0];
        }
        return Math.min(ring[head], heap[0]);
    }

    /** Removes the smallest key; the queue must not be empty. */
    void pop() {
        if (heapSize == 0 || ringSize > 0 && ring[head] < heap[0]) {
            head = (head + 1) & (ring.length - 1);
            ringSize--;
        } else {
            popHeap();
        }
    }

    private void growRing() {
        long[] grown = new long[ring.length * 2];
        int firstPart = Math.min(ringSize, ring.length - head);
        System.arraycopy(ring, head, grown, 0, firstPart);
        System.arraycopy(ring, 0, grown, firstPart, ringSize - firstPart);
        ring = grown;
        head = 0;
    }

    private void pushHeap(long key) {
        if (heapSize == heap.length) {
            heap = Arrays.copyOf(heap, heapSize * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long p = heap[parent];
            if (p <= key) {
                break;
            }
            heap[i] = p;
            i = parent;
        }
        heap[i] = key;
    }

    private void popHeap() {
        int last = --heapSize;
        if (last == 0) {
            return;
        }
        long key = heap[last];
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < last && heap[right] < heap[child]) {
                child = right;
            }
            long c = heap[child];
            if (key <= c) {
                break;
            }
            heap[i] = c;
            i = child;
        }
        heap[i] = key;
    }
}
