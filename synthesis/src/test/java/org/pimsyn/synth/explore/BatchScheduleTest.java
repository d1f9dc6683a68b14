package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BatchScheduleTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicLong reads = new AtomicLong();

    private BatchSchedule schedule(long budgetNs) {
        ExplorationSettings settings = new ExplorationSettings(1, true).withBudget(budgetNs, () -> {
            reads.incrementAndGet();
            return now.get();
        });
        return new BatchSchedule(settings, 1_000);
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
    void batchesStartWhileNoneHasSearchedHoweverLateItIs() {
        BatchSchedule schedule = schedule(0);
        now.set(50_000);
        assertTrue(schedule.mayStartBatch());
        schedule.batchEnded(false);
        assertTrue(schedule.mayStartBatch(), "a batch taken from the checkpoint or pruned does not count");
        assertEquals(0, reads.get(), "the clock is not read before a batch has searched");
        schedule.batchEnded(true);
        assertFalse(schedule.mayStartBatch());
        assertEquals(1, reads.get());
    }

    @Test
    void theBudgetIsSpentWhenTheTimeSinceTheStartReachesIt() {
        BatchSchedule schedule = schedule(500);
        schedule.batchEnded(true);
        now.set(1_499);
        assertTrue(schedule.mayStartBatch());
        now.set(1_500);
        assertFalse(schedule.mayStartBatch());
        schedule.batchEnded(false);
        assertFalse(schedule.mayStartBatch(), "once a batch searched, always");
        assertEquals(500, schedule.nanosSinceStart());
    }

    @Test
    void withoutABudgetTheClockIsNeverReadToDecide() {
        BatchSchedule schedule = schedule(ExplorationSettings.NO_BUDGET);
        schedule.batchEnded(true);
        now.set(Long.MAX_VALUE);
        assertTrue(schedule.mayStartBatch());
        assertEquals(0, reads.get());
    }
}
