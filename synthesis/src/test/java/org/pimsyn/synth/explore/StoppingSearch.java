package org.pimsyn.synth.explore;

import java.util.concurrent.atomic.AtomicInteger;
import org.pimsyn.synth.design.CandidateSearch;

/** A candidate search that fails every search after its first {@code searches}, as a run killed part-way. */
final class StoppingSearch extends DelegatingSearch {
    private final int searches;
    private final AtomicInteger started = new AtomicInteger();

    StoppingSearch(CandidateSearch inner, int searches) {
        super(inner);
        this.searches = searches;
    }

    @Override
    protected void beforeSearch() {
        if (started.incrementAndGet() > searches) {
            throw new IllegalStateException("stopped after " + searches + " searches");
        }
    }
}
