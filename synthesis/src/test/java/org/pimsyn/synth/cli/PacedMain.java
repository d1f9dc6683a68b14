package org.pimsyn.synth.cli;

import org.pimsyn.synth.design.CandidateSearches;
import org.pimsyn.synth.explore.DelegatingSearch;

/**
 * The command line with the standard candidate search slowed down by {@value #PAUSE_PROPERTY} milliseconds per
 * design point, so that a test can kill the process while a small run is under way.
 */
public final class PacedMain {
    static final String PAUSE_PROPERTY = "pimsyn.test.pauseMs";

    private PacedMain() {
    }

    public static void main(String[] args) {
        long pauseMs = Long.getLong(PAUSE_PROPERTY, 0);
        DelegatingSearch paced = new DelegatingSearch(CandidateSearches.standard()) {
            @Override
            protected void afterSearch() {
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        };
        SynthesizeCommand.candidateSearch = () -> paced;
        Main.main(args);
    }
}
