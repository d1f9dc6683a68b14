package org.pimsyn.sim.engine;

import java.util.Arrays;

/**
 * Binary min-heap of long keys in one primitive array: a resource's waiting IRs, whose arbitration key says
 * everything (ready cycle, image, rank). Half the memory traffic of a heap carrying payloads.
 */
final class KeyHeap {
    private long[] keys;
    private int size;

    KeyHeap(int initialCapacity) {
        keys = new long[Math.max(1, initialCapacity)];
    }

    void clear() {
        size = 0;
    }

    long peek() {
        return keys[0];
    }

    void push(long key) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        long[] k = keys;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long pk = k[parent];
            if (pk <= key) {
                break;
            }
            k[i] = pk;
            i = parent;
        }
        k[i] = key;
    }

    /** Removes the smallest key. */
    void pop() {
        long[] k = keys;
        int last = --size;
        if (last > 0) {
            long key = k[last];
            int i = 0;
            int half = last >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                long ck = k[child];
                if (right < last && k[right] < ck) {
                    child = right;
                    ck = k[right];
                }
                if (key <= ck) {
                    break;
                }
                k[i] = ck;
                i = child;
            }
            k[i] = key;
        }
    }
}
