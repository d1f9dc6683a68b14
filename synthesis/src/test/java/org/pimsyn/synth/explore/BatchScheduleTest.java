package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.Deadline;

class BatchScheduleTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicLong reads = new AtomicLong();

    private BatchSchedule schedule(long budgetNs) {
        return new BatchSchedule(new Deadline(() -> {
            reads.incrementAndGet();
            return now.get();
        }, 1_000, budgetNs));
    }

    @Test
    void batchesGrowTwoFourEightThenSixteen() {
        BatchSchedule schedule = schedule(ExplorationSettings.NO_BUDGET);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sizes.add(schedule.nextBatchSize());
        }
        assertEquals(List.of(2, 4, 8, 16, 16, 16), sizes);
    }

    @Test
    void noBatchStartsOnceTheBudgetIsSpentNotEvenTheFirst() {
        BatchSchedule schedule = schedule(0);
        assertFalse(schedule.mayStartBatch());
        assertEquals(1, reads.get());
    }

    @Test
    void theBudgetIsSpentWhenTheTimeSinceTheStartReachesIt() {
        BatchSchedule schedule = schedule(500);
        now.set(1_499);
        assertTrue(schedule.mayStartBatch());
        now.set(1_500);
        assertFalse(schedule.mayStartBatch());
        assertEquals(500, schedule.nanosSinceStart());
    }

    @Test
    void withoutABudgetTheClockIsNeverReadToDecide() {
        BatchSchedule schedule = schedule(ExplorationSettings.NO_BUDGET);
        now.set(Long.MAX_VALUE);
        assertTrue(schedule.mayStartBatch());
        assertEquals(0, reads.get());
    }
}
