package org.pimsyn.synth.explore;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

/**
 * A candidate search whose every design point takes exactly one second on its own fake clock, so that time budgets
 * cut a run at a known place whatever the machine.
 */
public final class TickingSearch implements CandidateSearch {
    public static final long SECOND_NS = 1_000_000_000L;

    private final CandidateSearch inner;
    private final AtomicLong nowNs = new AtomicLong(5 * SECOND_NS);

    public TickingSearch(CandidateSearch inner) {
        this.inner = inner;
    }

    /** The fake clock, in nanoseconds. */
    public LongSupplier clock() {
        return nowNs::get;
    }

    @Override
    public double fitnessUpperBound(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication) {
        return inner.fitnessUpperBound(request, point, duplication);
    }

    @Override
    public CandidateOutcome search(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication,
            long seed) {
        CandidateOutcome outcome = inner.search(request, point, duplication, seed);
        nowNs.addAndGet(SECOND_NS);
        return outcome;
    }
}
