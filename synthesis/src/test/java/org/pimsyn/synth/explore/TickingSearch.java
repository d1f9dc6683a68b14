package org.pimsyn.synth.explore;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.pimsyn.synth.design.CandidateSearch;

/**
 * A candidate search whose every design point takes exactly one second on its own fake clock, so that time budgets
 * cut a run at a known place whatever the machine.
 */
public final class TickingSearch extends DelegatingSearch {
    public static final long SECOND_NS = 1_000_000_000L;

    private final AtomicLong nowNs = new AtomicLong(5 * SECOND_NS);

    public TickingSearch(CandidateSearch inner) {
        super(inner);
    }

    /** The fake clock, in nanoseconds. */
    public LongSupplier clock() {
        return nowNs::get;
    }

    @Override
    protected void afterSearch() {
        nowNs.addAndGet(SECOND_NS);
    }
}
