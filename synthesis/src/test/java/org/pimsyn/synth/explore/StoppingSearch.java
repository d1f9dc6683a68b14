package org.pimsyn.synth.explore;

import java.util.concurrent.atomic.AtomicInteger;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

/** A candidate search that fails every search after its first {@code searches}, as a run killed part-way. */
final class StoppingSearch implements CandidateSearch {
    private final CandidateSearch inner;
    private final int searches;
    private final AtomicInteger started = new AtomicInteger();

    StoppingSearch(CandidateSearch inner, int searches) {
        this.inner = inner;
        this.searches = searches;
    }

    @Override
    public double fitnessUpperBound(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication) {
        return inner.fitnessUpperBound(request, point, duplication);
    }

    @Override
    public CandidateOutcome search(SynthesisRequest request, DesignPoint point, DuplicationCandidate duplication,
            long seed) {
        if (started.incrementAndGet() > searches) {
            throw new IllegalStateException("stopped after " + searches + " searches");
        }
        return inner.search(request, point, duplication, seed);
    }
}
