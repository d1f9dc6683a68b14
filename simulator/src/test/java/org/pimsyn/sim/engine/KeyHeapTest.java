package org.pimsyn.sim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyHeapTest {
    @Test
    void popsKeysInAscendingOrderUnderRandomPushesAndPops() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int round = 0; round < 50; round++) {
            KeyHeap heap = new KeyHeap(1);
            PriorityQueue<Long> reference = new PriorityQueue<>();
            int operations = 1 + rnd.nextInt(2000);
            for (int i = 0; i < operations; i++) {
                if (reference.isEmpty() || rnd.nextInt(3) > 0) {
                    // Few distinct values, so that equal keys are common.
                    long key = rnd.nextInt(round % 2 == 0 ? 20 : 1_000_000);
                    heap.push(key);
                    reference.add(key);
                } else {
                    assertEquals(reference.poll(), heap.peek());
                    heap.pop();
                }
                if (!reference.isEmpty()) {
                    assertEquals(reference.peek(), heap.peek(), "round " + round + " step " + i);
                }
            }
            heap.clear();
            heap.push(7);
            assertEquals(7, heap.peek());
        }
    }
}
