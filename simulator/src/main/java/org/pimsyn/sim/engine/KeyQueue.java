package org.pimsyn.sim.engine;

/**
 * Priority queue of distinct long keys, smallest first, for the IRs waiting for one resource.
 *
 * <p>Keys start with the cycle an IR became ready, so within one image they nearly always arrive in increasing
 * order: those go to the end of a sorted ring, pushed and popped in constant time. The rare key below the ring's
 * last (an IR readied in the same cycle with a lower rank, or one moving over from another resource's queue with
 * its older key) goes to a binary heap beside it; the smallest key is the smaller of the two heads.
 *
 * <p>Where keys are image-major (oldest image first), an older image's IR readied after a newer image's would come
 * below the ring's last on every push while several images are in flight. Such a queue keeps one ring and heap per
 * image ({@link #configure}): image {@code i} in lane {@code i mod lanes}, where the lanes outnumber the images that
 * can wait at once, so a lane holds one image at a time and the images waiting lie within fewer consecutive images
 * than there are lanes. The smallest key is then the head of the oldest image's lane: kept at hand, it changes on a
 * push of a smaller key, or on a pop, to the same lane's next key or, where that lane has emptied, to the head of
 * the next non-empty lane in cyclic order from it (the next older image). The order keys come out in is exactly
 * that of one sorted queue.
 */
final class KeyQueue {
    /** Lanes at most: one bit each in {@link #nonEmpty}. */
    static final int MAX_LANES = 64;

    private long[][] rings = {new long[4]};
    private int[] heads = new int[1];
    private int[] sizes = new int[1];
    /** Per lane, the keys that came below its ring's last: rare, so the engine's general heap serves; lazily made. */
    private MinHeap[] heaps = new MinHeap[1];
    /** Lanes holding keys, bit per lane. */
    private long nonEmpty;
    private int size;
    /** The smallest key and its lane, while not empty. */
    private long min;
    private int minLane;
    private int laneShift;
    private int laneMask;

    /**
     * Splits the queue into {@code lanes} lanes by {@code (key >>> shift) mod lanes}: one per image where the image
     * leads the key and fewer images than {@code lanes} wait at once; 1 for a single sorted queue. Clears it.
     *
     * @param lanes a power of two, 1 to {@value #MAX_LANES}
     */
    void configure(int shift, int lanes) {
        if (lanes < 1 || lanes > MAX_LANES || Integer.bitCount(lanes) != 1) {
            throw new IllegalArgumentException("lanes must be a power of two in 1.." + MAX_LANES + ", got " + lanes);
        }
        if (rings.length < lanes) {
            rings = java.util.Arrays.copyOf(rings, lanes);
            heads = java.util.Arrays.copyOf(heads, lanes);
            sizes = java.util.Arrays.copyOf(sizes, lanes);
            heaps = java.util.Arrays.copyOf(heaps, lanes);
        }
        clear();
        laneShift = shift;
        laneMask = lanes - 1;
    }

    int size() {
        return size;
    }

    void clear() {
        long lanes = nonEmpty;
        while (lanes != 0) {
            int lane = Long.numberOfTrailingZeros(lanes);
            lanes &= lanes - 1;
            heads[lane] = 0;
            sizes[lane] = 0;
            if (heaps[lane] != null) {
                heaps[lane].clear();
            }
        }
        nonEmpty = 0;
        size = 0;
    }

    void push(long key) {
        int lane = (int) (key >>> laneShift) & laneMask;
        long[] ring = rings[lane];
        if (ring == null) {
            ring = new long[4];
            rings[lane] = ring;
        }
        int ringSize = sizes[lane];
        int head = heads[lane];
        if (ringSize == 0 || key > ring[(head + ringSize - 1) & (ring.length - 1)]) {
            if (ringSize == ring.length) {
                ring = growRing(lane);
                head = 0;
            }
            ring[(head + ringSize) & (ring.length - 1)] = key;
            sizes[lane] = ringSize + 1;
        } else {
            MinHeap heap = heaps[lane];
            if (heap == null) {
                heap = new MinHeap(4);
                heaps[lane] = heap;
            }
            heap.push(key, 0, 0);
        }
        nonEmpty |= 1L << lane;
        if (size++ == 0 || key < min) {
            min = key;
            minLane = lane;
        }
    }

    /** The smallest key; the queue must not be empty. */
    long peek() {
        return min;
    }

    /** Removes the smallest key; the queue must not be empty. */
    void pop() {
        int lane = minLane;
        MinHeap heap = heaps[lane];
        int ringSize = sizes[lane];
        if (heap == null || heap.isEmpty() || ringSize > 0 && rings[lane][heads[lane]] < heap.peekPrimary()) {
            heads[lane] = (heads[lane] + 1) & (rings[lane].length - 1);
            sizes[lane] = --ringSize;
        } else {
            heap.pop();
        }
        if (--size == 0) {
            nonEmpty = 0;
            return;
        }
        if (ringSize == 0 && (heap == null || heap.isEmpty())) {
            nonEmpty &= ~(1L << lane);
            // The oldest image left: the first lane holding keys after this one, in cyclic order.
            int from = (lane + 1) & laneMask;
            long after = from == 0 ? nonEmpty
                    : (nonEmpty >>> from | nonEmpty << (laneMask + 1 - from)) & (-1L >>> (63 - laneMask));
            lane = (from + Long.numberOfTrailingZeros(after)) & laneMask;
            minLane = lane;
            heap = heaps[lane];
            ringSize = sizes[lane];
        }
        assert laneOrderHolds();
        if (heap == null || heap.isEmpty()) {
            min = rings[lane][heads[lane]];
        } else if (ringSize == 0) {
            min = heap.peekPrimary();
        } else {
            min = Math.min(rings[lane][heads[lane]], heap.peekPrimary());
        }
    }

    /** Whether the lane chosen holds the smallest key of all (for assertions: lanes are not shared by images). */
    private boolean laneOrderHolds() {
        long best = Long.MAX_VALUE;
        int bestLane = -1;
        for (long lanes = nonEmpty; lanes != 0; lanes &= lanes - 1) {
            int lane = Long.numberOfTrailingZeros(lanes);
            long head = sizes[lane] > 0 ? rings[lane][heads[lane]] : Long.MAX_VALUE;
            if (heaps[lane] != null && !heaps[lane].isEmpty()) {
                head = Math.min(head, heaps[lane].peekPrimary());
            }
            if (head < best) {
                best = head;
                bestLane = lane;
            }
        }
        return bestLane == minLane;
    }

    private long[] growRing(int lane) {
        long[] ring = rings[lane];
        int head = heads[lane];
        int ringSize = sizes[lane];
        long[] grown = new long[ring.length * 2];
        int firstPart = Math.min(ringSize, ring.length - head);
        System.arraycopy(ring, head, grown, 0, firstPart);
        System.arraycopy(ring, 0, grown, firstPart, ringSize - firstPart);
        rings[lane] = grown;
        heads[lane] = 0;
        return grown;
    }
}
