package org.pimsyn.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyQueueTest {

    @Test
    void keysComeOutSmallestFirstWhetherPushedInOrderOrNot() {
        KeyQueue q = new KeyQueue();
        for (long key : new long[] {10, 20, 30, 15, 5, 40, 25}) {
            q.push(key);
        }
        long[] expected = {5, 10, 15, 20, 25, 30, 40};
        for (long key : expected) {
            assertEquals(key, q.peek());
            q.pop();
        }
        assertEquals(0, q.size());
    }

    @Test
    void mixedPushesAndPopsMatchASortedQueue() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            KeyQueue q = new KeyQueue();
            PriorityQueue<Long> expected = new PriorityQueue<>();
            long next = 0;
            for (int step = 0; step < 5_000; step++) {
                int choice = rnd.nextInt(10);
                if (expected.isEmpty() || choice < 6) {
                    // Mostly rising keys, as ready cycles are; now and then one far below (a moved, older IR).
                    next += 1 + rnd.nextInt(3);
                    long key = choice == 0 ? next - 1 - rnd.nextInt(1000) * 4L : next * 4;
                    if (!expected.contains(key)) {
                        q.push(key);
                        expected.add(key);
                    }
                } else {
                    assertEquals(expected.peek(), q.peek(), "seed " + seed + " step " + step);
                    q.pop();
                    expected.poll();
                }
                assertEquals(expected.size(), q.size());
                if (rnd.nextInt(2_000) == 0) {
                    q.clear();
                    expected.clear();
                }
            }
        }
    }
}
