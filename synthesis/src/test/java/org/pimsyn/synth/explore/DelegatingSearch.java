package org.pimsyn.synth.explore;

import org.pimsyn.synth.Deadline;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

/** A candidate search that passes every call to another one, with something done before or after each search. */
public abstract class DelegatingSearch implements CandidateSearch {
    private final CandidateSearch inner;

    protected DelegatingSearch(CandidateSearch inner) {
        this.inner = inner;
    }

    /** Runs before each search, on the thread that searches. */
    protected void beforeSearch() {
    }

    /** Runs after each search that returned, on the thread that searched. */
    protected void afterSearch() {
    }

    /** Runs after each fitness bound, on the thread that computed it. */
    protected void afterBound() {
    }

    @Override
    public final double fitnessUpperBound(SynthesisRequest request, DesignPoint point,
            DuplicationCandidate duplication) {
        double bound = inner.fitnessUpperBound(request, point, duplication);
        afterBound();
        return bound;
    }

    @Override
    public final CandidateOutcome search(SynthesisRequest request, DesignPoint point,
            DuplicationCandidate duplication, long seed) {
        return search(request, point, duplication, seed, Deadline.NONE);
    }

    @Override
    public final CandidateOutcome search(SynthesisRequest request, DesignPoint point,
            DuplicationCandidate duplication, long seed, Deadline deadline) {
        beforeSearch();
        CandidateOutcome outcome = inner.search(request, point, duplication, seed, deadline);
        afterSearch();
        return outcome;
    }
}
