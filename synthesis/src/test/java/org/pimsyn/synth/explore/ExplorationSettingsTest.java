package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class ExplorationSettingsTest {
    @Test
    void fewerThanOneTopDesignIsRefused() {
        for (int count : new int[] {0, -1, Integer.MIN_VALUE}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ExplorationSettings(2, true).withTopDesigns(count));
            assertEquals("topDesigns must be >= 1, got " + count, e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> new ExplorationSettings(2, true, count, ExplorationSettings.NO_BUDGET, System::nanoTime));
        }
    }

    @Test
    void theConvenienceConstructorsKeepTheBestDesignAlone() {
        assertEquals(1, ExplorationSettings.DEFAULT_TOP_DESIGNS);
        assertEquals(1, new ExplorationSettings(3, false).topDesigns());
        assertEquals(1, ExplorationSettings.defaults().topDesigns());
        assertEquals(1, new ExplorationSettings(3, false, 5, System::nanoTime).topDesigns());
        assertEquals(1, new ExplorationSettings(3, false).withBudget(5, System::nanoTime).topDesigns());
        assertEquals(10, new ExplorationSettings(3, false).withTopDesigns(10).withBudget(5, System::nanoTime)
                .topDesigns());
    }

    @Test
    void theTopDesignsAndTheBudgetEachChangeOnlyThemselves() {
        LongSupplier clock = () -> 42;
        ExplorationSettings one = new ExplorationSettings(3, false).withBudget(7, clock).withTopDesigns(1);
        assertEquals(3, one.threads());
        assertFalse(one.pruning());
        assertEquals(1, one.topDesigns());
        assertEquals(7, one.budgetNs());
        assertSame(clock, one.nanoClock());
        ExplorationSettings budget = one.withBudget(ExplorationSettings.NO_BUDGET, clock);
        assertEquals(1, budget.topDesigns());
        assertFalse(budget.hasBudget());
    }
}
