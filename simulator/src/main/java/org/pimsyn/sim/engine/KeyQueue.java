package org.pimsyn.sim.engine;

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
    /** The keys that came below the ring's last: rare, so the engine's general heap serves (other fields unused). */
    private final MinHeap heap = new MinHeap(4);

    int size() {
        return ringSize + heap.size();
    }

    void clear() {
        head = 0;
        ringSize = 0;
        heap.clear();
    }

    void push(long key) {
        if (ringSize == 0 || key > ring[(head + ringSize - 1) & (ring.length - 1)]) {
            if (ringSize == ring.length) {
                growRing();
            }
            ring[(head + ringSize) & (ring.length - 1)] = key;
            ringSize++;
        } else {
            heap.push(key, 0, 0);
        }
    }

    /** The smallest key; the queue must not be empty. */
    long peek() {
        if (heap.isEmpty()) {
            return ring[head];
        }
        if (ringSize == 0) {
            return heap.peekPrimary();
        }
        return Math.min(ring[head], heap.peekPrimary());
    }

    /** Removes the smallest key; the queue must not be empty. */
    void pop() {
        if (heap.isEmpty() || ringSize > 0 && ring[head] < heap.peekPrimary()) {
            head = (head + 1) & (ring.length - 1);
            ringSize--;
        } else {
            heap.pop();
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
}
