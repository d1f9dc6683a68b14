package org.pimsyn.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    /** Pushes never earlier than the last pop and at most 99 cycles after it, as the engine does. */
    private static void checkAgainstSortedOrder(Supplier<EventQueue> make, long seed) {
        checkAgainstSortedOrder(make, seed, 100);
    }

    /** Pushes never earlier than the last pop and less than {@code reach} cycles after it. */
    private static void checkAgainstSortedOrder(Supplier<EventQueue> make, long seed, int reach) {
        SplittableRandom rnd = new SplittableRandom(seed);
        EventQueue q = make.get();
        PriorityQueue<long[]> live = new PriorityQueue<>(Comparator.<long[]>comparingLong(e -> e[0])
                .thenComparingLong(e -> e[1]).thenComparingLong(e -> e[2])); // time, priority, sequence, payload
        long now = 0;
        long sequence = 0;
        int payload = 0;
        for (int step = 0; step < 20_000; step++) {
            if (live.isEmpty() || rnd.nextInt(3) > 0) {
                long time = now + rnd.nextInt(reach);
                int priority = rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 0;
                q.push(time, priority, payload);
                live.add(new long[] {time, priority, sequence++, payload++});
            } else {
                long[] expected = live.poll();
                assertEquals(expected[0], q.peekTime(), "step " + step);
                assertEquals(expected[3], q.pop(), "step " + step);
                now = expected[0];
            }
            assertEquals(live.size(), q.size());
        }
    }

    @Test
    void theBinaryHeapReleasesEventsByTimeThenPriorityThenPushOrder() {
        for (long seed = 1; seed <= 3; seed++) {
            checkAgainstSortedOrder(BinaryHeapEventQueue::new, seed);
        }
    }

    @Test
    void theBucketRingReleasesEventsByTimeThenPriorityThenPushOrder() {
        for (long seed = 1; seed <= 3; seed++) {
            checkAgainstSortedOrder(() -> new BucketEventQueue(100), seed);
        }
    }

    @Test
    void theBucketRingKeepsTheOrderWithEventsBeyondItsReach() {
        for (long seed = 1; seed <= 3; seed++) {
            // A 64-cycle ring with pushes up to 299 cycles ahead: most go to the heap, and the window moves over them.
            checkAgainstSortedOrder(() -> new BucketEventQueue(64), seed, 300);
        }
    }

    @Test
    void aHeapEventAndARingEventOfTheSameTimeComeOutByPriorityThenPushOrder() {
        BucketEventQueue q = new BucketEventQueue(64);
        q.push(100, 0, 1); // beyond the ring: heap
        q.push(100, 1, 2); // heap
        q.push(50, 0, 3);
        assertEquals(3, q.pop()); // the window now reaches 100
        q.push(100, 0, 4); // ring, same time and priority as 1, pushed later
        q.push(100, 0, 5);
        q.push(100, 2, 6);
        assertEquals(100, q.peekTime());
        assertEquals(1, q.pop());
        assertEquals(4, q.pop());
        assertEquals(5, q.pop());
        assertEquals(2, q.pop());
        assertEquals(6, q.pop());
        assertTrue(q.isEmpty());
    }

    @Test
    void anEarlierPushAfterAPeekBecomesTheNextEvent() {
        BucketEventQueue q = new BucketEventQueue(64);
        q.push(40, 0, 1);
        assertEquals(40, q.peekTime());
        q.push(10, 0, 2);
        assertEquals(10, q.peekTime());
        assertEquals(2, q.pop());
        assertEquals(1, q.pop());
        assertTrue(q.isEmpty());
    }

    @Test
    void theBucketRingRejectsEventsBeforeTheLastOne() {
        BucketEventQueue q = new BucketEventQueue(64);
        q.push(5, 0, 1);
        q.pop();
        assertThrows(IllegalArgumentException.class, () -> q.push(4, 0, 2));
        q.push(5 + q.horizon(), 0, 3);
        q.push(5 + q.horizon() - 1, 0, 4);
        assertEquals(4, q.pop());
        assertEquals(3, q.pop());
    }

    @Test
    void aClearedQueueStartsOverAtTimeZero() {
        for (EventQueue q : new EventQueue[] {new BinaryHeapEventQueue(), new BucketEventQueue(16)}) {
            q.push(3, 0, 7);
            q.push(9, 0, 8);
            assertEquals(7, q.pop());
            q.clear();
            assertTrue(q.isEmpty());
            q.push(0, 0, 9);
            assertEquals(0, q.peekTime());
            assertEquals(9, q.pop());
        }
    }
}
