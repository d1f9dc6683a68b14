package org.pimsyn.synth.explore;

import org.pimsyn.synth.NoFeasibleDesignException;

/**
 * The time budget ran out before any searched design point yielded a design. Unlike the other ways to find no
 * design, the design points not visited might still yield one, so the run is worth continuing.
 */
public class TimeBudgetSpentException extends NoFeasibleDesignException {
    private static final long serialVersionUID = 1L;

    public TimeBudgetSpentException(String message) {
        super(message);
    }
}
