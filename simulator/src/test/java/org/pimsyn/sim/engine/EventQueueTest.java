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
        SplittableRandom rnd = new SplittableRandom(seed);
        EventQueue q = make.get();
        PriorityQueue<long[]> live = new PriorityQueue<>(Comparator.<long[]>comparingLong(e -> e[0])
                .thenComparingLong(e -> e[1]).thenComparingLong(e -> e[2])); // time, priority, sequence, payload
        long now = 0;
        long sequence = 0;
        int payload = 0;
        for (int step = 0; step < 20_000; step++) {
            if (live.isEmpty() || rnd.nextInt(3) > 0) {
                long time = now + rnd.nextInt(100);
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
    void theBucketRingRejectsEventsOutsideItsWindow() {
        BucketEventQueue q = new BucketEventQueue(64);
        q.push(5, 0, 1);
        q.pop();
        assertThrows(IllegalArgumentException.class, () -> q.push(4, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> q.push(5 + q.horizon(), 0, 2));
        q.push(5 + q.horizon() - 1, 0, 3);
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
