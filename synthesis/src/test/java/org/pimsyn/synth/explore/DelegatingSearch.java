package org.pimsyn.synth.explore;

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

    @Override
    public final double fitnessUpperBound(SynthesisRequest request, DesignPoint point,
            DuplicationCandidate duplication) {
        return inner.fitnessUpperBound(request, point, duplication);
    }

    @Override
    public final CandidateOutcome search(SynthesisRequest request, DesignPoint point,
            DuplicationCandidate duplication, long seed) {
        beforeSearch();
        CandidateOutcome outcome = inner.search(request, point, duplication, seed);
        afterSearch();
        return outcome;
    }
}
