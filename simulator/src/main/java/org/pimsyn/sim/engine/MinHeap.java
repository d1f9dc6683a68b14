package org.pimsyn.sim.engine;

import java.util.Arrays;

/**
 * Binary min-heap of (primary, secondary) long keys with an int payload, in three parallel primitive arrays,
 * so pushing and popping allocate nothing once grown. Keys pushed in increasing order, the common case in a
 * simulation, cost one comparison each.
 */
final class MinHeap {
    private long[] primary;
    private long[] secondary;
    private int[] payload;
    private int size;

    MinHeap(int initialCapacity) {
        primary = new long[initialCapacity];
        secondary = new long[initialCapacity];
        payload = new int[initialCapacity];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void clear() {
        size = 0;
    }

    long peekPrimary() {
        return primary[0];
    }

    long peekSecondary() {
        return secondary[0];
    }

    int peekPayload() {
        return payload[0];
    }

    void push(long p, long s, int value) {
        if (size == primary.length) {
            int grown = size * 2;
            primary = Arrays.copyOf(primary, grown);
            secondary = Arrays.copyOf(secondary, grown);
            payload = Arrays.copyOf(payload, grown);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long pp = primary[parent];
            if (pp < p || (pp == p && secondary[parent] <= s)) {
                break;
            }
            primary[i] = pp;
            secondary[i] = secondary[parent];
            payload[i] = payload[parent];
            i = parent;
        }
        primary[i] = p;
        secondary[i] = s;
        payload[i] = value;
    }

    /** Removes the smallest entry and returns its payload. */
    int pop() {
        int top = payload[0];
        int last = --size;
        if (last > 0) {
            long p = primary[last];
            long s = secondary[last];
            int value = payload[last];
            int i = 0;
            int half = last >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < last && (primary[right] < primary[child]
                        || (primary[right] == primary[child] && secondary[right] < secondary[child]))) {
                    child = right;
                }
                long cp = primary[child];
                if (p < cp || (p == cp && s <= secondary[child])) {
                    break;
                }
                primary[i] = cp;
                secondary[i] = secondary[child];
                payload[i] = payload[child];
                i = child;
            }
            primary[i] = p;
            secondary[i] = s;
            payload[i] = value;
        }
        return top;
    }
}
